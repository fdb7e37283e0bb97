using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.Tips;

public sealed class TipPrivacyTests
{
    [Fact]
    public async Task Photos_go_both_ways_as_copies_the_group_chat_gets_the_card_and_no_tip_text_is_logged()
    {
        const string Description = "Nhà số 9 ngõ 12 tàng trữ pháo nổ chuẩn bị bán dịp Tết.";
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Logging:LogLevel:Default"] = "Debug";
            s["Tips:OfficersGroupChatId"] = "-100555";
        });
        var officer = await bot.OfficerAsync(705_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(705_002);
        await chat.AtReviewAsync(Description);
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);
        await bot.Chat(-100555).Sees("Tin báo mới " + code);

        officer.Taps("Trả lời người báo");
        await officer.Sees("viết câu trả lời");
        officer.Send(UpdateFactory.Photo(bot.NextUpdateId(), officer.Id, "Có phải ngôi nhà này không?"));
        await officer.Sees("Đã gửi trả lời");
        var toTipster = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == chat.ChatId, ChatScript.Patience);
        Assert.Contains("Có phải ngôi nhà này không?", toTipster.Field("caption"), StringComparison.Ordinal);

        Assert.Empty(bot.Api.CallsTo("forwardMessage"));
        Assert.Empty(bot.Api.CallsTo("copyMessage"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains("ngõ 12", StringComparison.Ordinal) || l.Text.Contains("ngôi nhà này", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains(chat.ChatId, StringComparison.Ordinal));
    }
}
