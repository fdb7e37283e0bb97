using Antq.Core.Pledges;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Pledges;

public sealed class PledgeRenewalTests
{
    [Fact]
    public async Task Last_years_signers_who_have_not_signed_again_are_invited_once_when_the_campaign_opens()
    {
        await using var bot = await TestBot.StartAsync();
        var year = bot.Services.GetService(typeof(PledgeCatalog)) is PledgeCatalog catalog ? catalog.Campaign.Year : 2026;
        await bot.SignerAsync("909001", (year - 1, null));
        await bot.SignerAsync("909002", (year - 1, null), (year, null));
        await bot.SignerAsync("909003", (year - 1, DateTime.UtcNow));

        var invited = bot.Chat(909_001);
        var invitation = await invited.Sees("Mời bạn ký lại cho năm nay.");
        Assert.Contains(invitation.Buttons, b => b.CallbackData == "menu:pledge");
        await invited.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        Assert.Empty(bot.Api.ShownTo("909002"));
        Assert.Empty(bot.Api.ShownTo("909003"));
        Assert.Equal(1, await bot.QueryAsync(db => db.PledgeRenewalInvitations.CountAsync()));

        invited.Taps("Ký cam kết năm nay");
        await invited.Sees("Bạn ký cam kết với tư cách nào?");
    }
}
