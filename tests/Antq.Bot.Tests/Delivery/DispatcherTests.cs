using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Delivery;

public sealed class DispatcherTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_403_on_send_marks_the_resident_blocked_and_nothing_more_is_sent_to_them(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        var chat = await bot.SignedUpAsync(7001);

        bot.Api.FailNext("sendMessage", FakeFailure.Forbidden(), times: 1, chatId: chat.ChatId);
        chat.Says("/help");
        await WaitUntilAsync(bot, db => db.Residents.AnyAsync(r => r.Status == ResidentStatus.Blocked));

        var outbox = await bot.QueryAsync(db => db.Outbox.Where(o => o.Status == DeliveryStatus.Blocked).CountAsync());
        Assert.Equal(1, outbox); // the help text, with the main menu on it
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1));
        Assert.Single(bot.Api.CallsTo("sendMessage"), c => c.ChatId == chat.ChatId && c.StatusCode == 403);

        // Writing again means they unblocked the bot: they are answered and active again.
        chat.Says("/menu");
        await chat.Sees("Bạn cần gì?");
        Assert.Equal(ResidentStatus.Active, await bot.QueryAsync(db => db.Residents.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_reply_goes_out_at_once_from_the_turns_transaction_and_a_changes_replies_go_before_the_turns_own()
    {
        await using var bot = await TestBot.StartAsync(s => s["Delivery:PollInterval"] = "01:00:00");
        var chat = await bot.SignedUpAsync(7003);

        chat.Says("/help");
        await chat.Sees("Các lệnh");

        // Handed over from the turn's transaction (no poll is due for an hour), sent, and recorded as sent.
        await WaitUntilAsync(bot, db => db.Outbox.Where(o => o.ChatId == chat.ChatId).AllAsync(o => o.Status == DeliveryStatus.Sent));

        // A change's replies go before the turn's own messages: the tip's tracking code, with the main menu on it.
        var tipster = await bot.AtTipCategoryAsync(7004);
        await tipster.AtReviewAsync();
        await tipster.SendsTipAsync();
        var shown = bot.Api.ShownTo(tipster.ChatId);
        Assert.Contains("Mã theo dõi: ", shown[^1].Text, StringComparison.Ordinal);
        Assert.Contains(shown[^1].Buttons, b => b.Text == "🔎 Tra cứu tin báo");
    }

    [Fact]
    public async Task With_no_poll_due_a_message_a_change_queues_for_an_officer_goes_at_once_and_replies_sent_cost_the_writer_no_lease()
    {
        // No poll and no broadcast clock to wake the dispatcher: what it sends, it is handed or told of.
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Delivery:PollInterval"] = "01:00:00";
            s["Scheduling:DueMessagesEvery"] = "01:00:00";
        });
        var officer = await bot.OfficerAsync(7011, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var tipster = await bot.AtTipCategoryAsync(7012);
        await tipster.AtReviewAsync();
        var code = await tipster.SendsTipAsync();

        // The tip's card for the officer is another chat's message: the engine wakes the dispatcher for it.
        await officer.Sees("Tin báo mới " + code);
        await WaitUntilAsync(bot, db => db.Outbox.AllAsync(o => o.Status == DeliveryStatus.Sent));

        // A turn's own replies are handed to the dispatcher; sending them makes it look for nothing more in the database.
        var writer = bot.Services.GetRequiredService<GroupWriter>();
        long Leases() => writer.Breakdown().Units.Where(u => u.Origin == "DeliveryQueue.LeaseWhere").Sum(u => u.Count);
        var leasesBefore = Leases();
        var chat = await bot.SignedUpAsync(7013);
        chat.Says("/help");
        await chat.Sees("Các lệnh");
        await WaitUntilAsync(bot, db => db.Outbox.AllAsync(o => o.Status == DeliveryStatus.Sent));
        Assert.Equal(leasesBefore, Leases());
    }

    [Fact]
    public async Task More_queued_messages_than_a_channel_holds_in_hand_all_go_out_with_no_poll_due()
    {
        // 20 a second: five rows in hand at a time. No poll and no broadcast clock to wake the dispatcher: only a row
        // sent, making room, does.
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Delivery:PollInterval"] = "01:00:00";
            s["Scheduling:DueMessagesEvery"] = "01:00:00";
            s["Telegram:RateLimit:PerSecond"] = "20";
        });
        await bot.StopAsync();
        await bot.QueryAsync(db =>
        {
            for (var i = 0; i < 30; i++)
            {
                OutboxRows.Queue(db, "telegram", (7100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "Thông báo còn đợi gửi", DeliveryPriority.Broadcast, DateTime.UtcNow);
            }

            return db.SaveChangesAsync();
        });
        await bot.RestartAsync();

        for (var i = 0; i < 30; i++)
        {
            await bot.Chat(7100 + i).Sees("Thông báo còn đợi gửi");
        }

        await WaitUntilAsync(bot, db => db.Outbox.AllAsync(o => o.Status == DeliveryStatus.Sent));
    }

    [Fact]
    public async Task A_429_pauses_the_channel_for_retry_after_then_delivers()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(7002);

        bot.Api.FailNext("sendMessage", FakeFailure.TooManyRequests(2), times: 1, chatId: chat.ChatId);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");

        var attempts = bot.Api.CallsTo("sendMessage").Where(c => c.ChatId == chat.ChatId).ToList();
        Assert.Equal([429, 200], attempts.Select(a => a.StatusCode));
        Assert.True(attempts[1].ReceivedAt - attempts[0].ReceivedAt >= TimeSpan.FromSeconds(1.9), $"retried after {attempts[1].ReceivedAt - attempts[0].ReceivedAt}");
        await WaitUntilAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == DeliveryStatus.Sent));
        var row = await bot.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task A_server_error_is_retried_with_backoff_until_it_goes_through()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(7003);

        bot.Api.FailNext("sendMessage", FakeFailure.ServerError(), times: 2, chatId: chat.ChatId);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");

        var attempts = bot.Api.CallsTo("sendMessage").Where(c => c.ChatId == chat.ChatId).Select(c => c.StatusCode);
        Assert.Equal([500, 500, 200], attempts);
        await WaitUntilAsync(bot, db => db.Outbox.AnyAsync(o => o.Status == DeliveryStatus.Sent));
        var row = await bot.QueryAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(3, row.Attempts);
    }

    [Fact]
    public async Task One_chat_is_sent_to_no_faster_than_its_per_chat_limit()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Telegram:RateLimit:PerChatPerSecond"] = "2";
            s["Telegram:RateLimit:PerChatBurst"] = "1";
        });
        var chat = bot.Chat(7009);

        chat.Says("/help");
        chat.Says("/cancel");
        chat.Says("/privacy");
        await chat.Sees("Các lệnh");
        await chat.Sees("Không có việc gì đang làm dở.");
        await chat.Sees("Chúng tôi không lưu thông tin nào về bạn.");

        var times = bot.Api.ShownTo(chat.ChatId).Select(m => m.Call.ReceivedAt).ToList();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= TimeSpan.FromMilliseconds(450), $"gap {gap.TotalMilliseconds} ms"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Replies_go_out_in_the_order_they_were_written_for_one_chat(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        var chat = await bot.SignedUpAsync(7004);

        // A dangerous category: the warning to call 114 first, then the next question, in that order.
        chat.Says("/tip");
        await chat.Sees("Tin của bạn về việc gì?");
        chat.Taps("Nguy cơ cháy, nổ");
        await chat.Sees("hãy gọi ngay 114");
        await chat.Sees("Việc này xảy ra ở đâu?");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task What_was_stored_but_not_handled_or_not_sent_before_a_crash_goes_out_after_restart(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        await bot.StopAsync();

        // As if the process died after storing an update, and after queuing a reply but before sending it.
        await bot.QueryAsync(async db =>
        {
            var now = DateTime.UtcNow;
            db.Inbox.Add(new Antq.Core.Inbox.InboxUpdate
            {
                Channel = "telegram",
                ExternalId = "990001",
                ChatId = "7005",
                ReceivedAt = now,
                Payload = System.Text.Json.JsonSerializer.Serialize(
                    new InboundMessage { Channel = "telegram", UpdateId = "990001", ChatId = "7005", UserId = "7005", Kind = InboundKind.Text, Text = "/start" },
                    Antq.Core.Inbox.InboxStore.Json),
            });
            OutboxRows.Queue(db, "telegram", "7006", "Tin nhắn còn đợi gửi", DeliveryPriority.Reply, now);
            db.Outbox.Add(new OutboxMessage { Channel = "telegram", ChatId = "7007", Payload = "{\"text\":\"Đang gửi dở\"}", Status = DeliveryStatus.InFlight, LeaseUntil = now.AddMinutes(-1), CreatedAt = now, NotBefore = now });
            return await db.SaveChangesAsync();
        });
        await bot.RestartAsync();

        await bot.Chat(7005).Sees("ngôn ngữ");
        await bot.Chat(7006).Sees("Tin nhắn còn đợi gửi");
        await bot.Chat(7007).Sees("Đang gửi dở");
    }

    [Fact]
    public async Task An_update_that_cannot_be_handled_gets_an_apology_and_the_chat_moves_on()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.StopAsync();
        await bot.QueryAsync(db =>
        {
            db.Inbox.Add(new Antq.Core.Inbox.InboxUpdate { Channel = "telegram", ExternalId = "990002", ChatId = "7010", ReceivedAt = DateTime.UtcNow, Payload = "{\"kind\": 42, broken" });
            return db.SaveChangesAsync();
        });
        await bot.RestartAsync();

        var chat = bot.Chat(7010);
        await chat.Sees("Xin lỗi, hệ thống vừa gặp sự cố");
        var row = await bot.QueryAsync(db => db.Inbox.SingleAsync(i => i.ExternalId == "990002"));
        Assert.NotNull(row.HandledAt);
        Assert.NotNull(row.Error);
        Assert.Null(row.Payload);

        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
    }

    [Fact]
    public async Task A_resident_who_blocks_the_bot_is_marked_blocked_and_unblocking_makes_them_active()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(7008);

        chat.Send(UpdateFactory.BlockedBot(bot.NextUpdateId(), chat.Id));
        await WaitUntilAsync(bot, db => db.Residents.AnyAsync(r => r.Status == ResidentStatus.Blocked));
        chat.Send(UpdateFactory.UnblockedBot(bot.NextUpdateId(), chat.Id));
        await WaitUntilAsync(bot, db => db.Residents.AnyAsync(r => r.Status == ResidentStatus.Active));
        await chat.SeesNothingFor(TimeSpan.FromMilliseconds(300));
    }

    internal static async Task WaitUntilAsync(TestBot bot, Func<Antq.Core.Storage.AntqDb, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        while (!await bot.QueryAsync(db => condition(db)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The stored state never reached the expected condition.");
            }

            await Task.Delay(50);
        }
    }
}
