using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

public sealed class IntakeLimitTests
{
    [Fact]
    public async Task A_resident_over_the_limit_gets_one_slow_down_message_then_silence_until_the_minute_has_passed()
    {
        await using var bot = await TestBot.StartAsync(s => s["Conversations:MaxUpdatesPerMinute"] = "3");
        await bot.FollowersAsync(Antq.Core.Residents.Topics.Security, [6101]);
        var chat = bot.Chat(6101);

        for (var i = 0; i < 8; i++)
        {
            chat.Says("/help");
        }

        for (var i = 0; i < 3; i++)
        {
            await chat.Sees("Các lệnh");
        }

        await chat.Sees("Bạn đang gửi tin nhắn nhanh quá");
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1));

        // Each of them is stored and marked handled, once: none waits to be answered later.
        await Delivery.DispatcherTests.WaitUntilAsync(bot, db => db.Inbox.AllAsync(i => i.HandledAt != null));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.Error != null)));

        bot.Clock.Advance(TimeSpan.FromSeconds(61));
        chat.Says("/help");
        await chat.Sees("Các lệnh");
    }

    [Fact]
    public async Task An_officer_is_not_limited()
    {
        await using var bot = await TestBot.StartAsync(s => s["Conversations:MaxUpdatesPerMinute"] = "2");
        var officer = await bot.OfficerAsync(6102, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        for (var i = 0; i < 5; i++)
        {
            officer.Says("/help");
        }

        for (var i = 0; i < 5; i++)
        {
            await officer.Sees("Các lệnh");
        }
    }

    [Fact]
    public async Task A_string_of_messages_the_bot_does_not_understand_gets_one_answer_not_one_each()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(6103);

        chat.SendsSticker();
        chat.Says("xqzw");
        chat.SendsSticker();
        chat.Says("zzxq qwxz");
        await chat.Sees("Chúng tôi chưa đọc được loại tin này.");
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1));

        // Something understood in between, or a while later: said again.
        chat.Says("/help");
        await chat.Sees("Các lệnh");
        chat.Says("xqzw");
        await chat.Sees("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        bot.Clock.Advance(TimeSpan.FromSeconds(31));
        chat.SendsSticker();
        await chat.Sees("Chúng tôi chưa đọc được loại tin này.");
    }
}
