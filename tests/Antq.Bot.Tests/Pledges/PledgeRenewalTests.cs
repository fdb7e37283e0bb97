using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Pledges;

public sealed class PledgeRenewalTests
{
    [Fact]
    public async Task Last_years_signers_who_have_not_signed_again_are_invited_once_when_the_campaign_opens()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.QueryAsync(async db =>
        {
            Resident Resident(string id) => new()
            {
                Channel = "telegram", ExternalUserId = id, ChatId = id, Language = "vi", WardId = "chi-lang", UnitId = "chi-lang-k1",
                Topics = Topics.Events, ConsentedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            var lastYearOnly = Resident("909001");
            var bothYears = Resident("909002");
            var withdrew = Resident("909003");
            db.Residents.AddRange(lastYearOnly, bothYears, withdrew);
            await db.SaveChangesAsync();

            Pledge Signed(Resident r, int year, DateTime? withdrawn = null) => new()
            {
                Number = $"CK{year}-{r.Id:000000}", TypeId = "traffic", TextVersion = "2025.1", SignerKind = SignerKind.Household,
                SignerName = "Hộ ông Hoàng Văn " + r.Id, Address = "Số " + r.Id + " đường Bà Triệu", SignerKey = "key-" + r.Id,
                WardId = "chi-lang", UnitId = "chi-lang-k1", CampaignYear = year, Source = PledgeSource.Chat, ResidentId = r.Id,
                SignedAt = new DateTime(year, 3, 1, 0, 0, 0, DateTimeKind.Utc), WithdrawnAt = withdrawn,
            };
            var year = bot.Services.GetService(typeof(PledgeCatalog)) is PledgeCatalog catalog ? catalog.Campaign.Year : 2026;
            db.Pledges.AddRange(Signed(lastYearOnly, year - 1), Signed(bothYears, year - 1), Signed(bothYears, year), Signed(withdrew, year - 1, DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });

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
