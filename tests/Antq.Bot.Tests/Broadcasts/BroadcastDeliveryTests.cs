using System.Globalization;
using Antq.Bot.Tests.Delivery;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastDeliveryTests
{
    private const int Followers = 40;

    private static Task SeedFollowersAsync(TestBot bot) =>
        bot.FollowersAsync(Topics.Security, Enumerable.Range(908_000, Followers).Select(i => (long)i));

    private static async Task SendAsync(ChatScript officer)
    {
        await officer.ComposeForWardAsync("Tuyên truyền: khoá cửa, khoá xe cẩn thận trước khi ra khỏi nhà.", "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync("khoá cửa");
        await officer.Sees($"Đang gửi tin #1 đến {Followers} người");
    }

    [Fact]
    public async Task A_reply_to_a_resident_goes_before_a_running_broadcast_and_403_429_are_handled_on_the_way()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Broadcasts:ProgressEvery"] = "01:00:00"; // progress edits have their own test
            s["Telegram:RateLimit:PerSecond"] = "10";
            s["Delivery:BatchSize"] = "10";
        });
        var officer = await bot.OfficerAsync(908_900, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedFollowersAsync(bot);
        bot.Api.FailNext("sendMessage", FakeFailure.Forbidden(), chatId: "908005");
        bot.Api.FailNext("sendMessage", FakeFailure.TooManyRequests(1), chatId: "908010");
        await SendAsync(officer);

        await bot.Chat(908_001).Sees("khoá cửa");
        var asked = DateTimeOffset.UtcNow;
        var resident = bot.Chat(908_999);
        resident.Says("/help");
        var reply = await resident.Sees("Các lệnh");
        Assert.True(reply.Call.ReceivedAt - asked < TimeSpan.FromSeconds(1.5), $"the reply waited {reply.Call.ReceivedAt - asked}");
        Assert.True(await bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.BroadcastId == 1 && o.Status == DeliveryStatus.Queued)), "the broadcast was still running when the reply went");

        await officer.Sees($"Đã gửi xong tin #1: {Followers - 1} người nhận được, 1 người đã chặn bot, 0 lỗi");
        Assert.Equal(ResidentStatus.Blocked, await bot.QueryAsync(db => db.Residents.Where(r => r.ChatId == "908005").Select(r => r.Status).SingleAsync()));
        Assert.Contains(bot.Api.CallsTo("sendMessage"), c => c.ChatId == "908010" && c.StatusCode == 429);
        Assert.Single(bot.Api.ShownTo("908010"));

        // What it delivered is recorded when it finishes, in total and by the recipients' ward and unit, for the summary report.
        Assert.Equal(Followers - 1, await bot.QueryAsync(db => db.Broadcasts.Where(b => b.Id == 1).Select(b => b.Delivered).SingleAsync()));
        var reached = await bot.QueryAsync(db => db.BroadcastDelivered.Where(r => r.BroadcastId == 1).Select(r => new { r.WardId, r.UnitId, r.Sent }).ToListAsync());
        Assert.Equal(("chi-lang", "chi-lang-k1", Followers - 1), Assert.Single(reached.Select(r => (r.WardId, r.UnitId, r.Sent))));
    }

    [Fact]
    public async Task A_running_broadcast_cancelled_from_its_card_sends_no_more_and_what_it_delivered_is_counted()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Broadcasts:ProgressEvery"] = "01:00:00"; // progress edits have their own test
            s["Telegram:RateLimit:PerSecond"] = "4";
            s["Delivery:BatchSize"] = "2";
        });
        var officer = await bot.OfficerAsync(908_903, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedFollowersAsync(bot);
        await SendAsync(officer);
        await bot.Chat(908_002).Sees("khoá cửa");

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn, tạm dừng hoặc đang gửi: 1");
        officer.Taps("#1 · 📤");
        await officer.Sees("Tin #1");
        officer.Taps("Huỷ tin");
        var cancelled = await officer.Sees("Đã huỷ tin #1: ");
        await officer.SeesNothingFor(TimeSpan.FromSeconds(2));

        // Nothing more goes out; those sent before the cancel (and the few in flight at that moment) are all that went.
        var shown = Enumerable.Range(908_000, Followers).Count(i => bot.Api.ShownTo(i.ToString(CultureInfo.InvariantCulture)).Any(m => m.Text.Contains("khoá cửa", StringComparison.Ordinal)));
        Assert.InRange(shown, 3, Followers - 10);
        var sentBefore = int.Parse(cancelled.Text.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.InRange(shown - sentBefore, 0, 4);
        Assert.Equal(BroadcastStatus.Cancelled, await bot.QueryAsync(db => db.Broadcasts.Where(b => b.Id == 1).Select(b => b.Status).SingleAsync()));
        Assert.Equal(Followers - shown, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.BroadcastId == 1 && o.Status == DeliveryStatus.Cancelled)));

        // Once its last messages in flight are back, the clock records what it delivered for the summary report.
        await DispatcherTests.WaitUntilAsync(bot, db => db.Broadcasts.AnyAsync(b => b.Id == 1 && b.Delivered != null));
        Assert.Equal(shown, await bot.QueryAsync(db => db.Broadcasts.Where(b => b.Id == 1).Select(b => b.Delivered).SingleAsync()));
        Assert.Equal(shown, await bot.QueryAsync(db => db.BroadcastDelivered.Where(r => r.BroadcastId == 1 && r.WardId == "chi-lang").SumAsync(r => r.Sent)));
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_a_broadcast_loses_no_one()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Broadcasts:ProgressEvery"] = "01:00:00"; // progress edits have their own test
            s["Telegram:RateLimit:PerSecond"] = "15";
            s["Delivery:BatchSize"] = "5";
            s["Delivery:LeaseDuration"] = "00:00:02";
        });
        var officer = await bot.OfficerAsync(908_901, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedFollowersAsync(bot);
        await SendAsync(officer);
        await bot.Chat(908_003).Sees("khoá cửa");

        await bot.StopAsync();
        var before = await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.BroadcastId == 1 && o.Status == DeliveryStatus.Sent));
        Assert.InRange(before, 1, Followers - 1);
        await bot.RestartAsync();

        await officer.Sees("Đã gửi xong tin #1");
        for (var i = 0; i < Followers; i++)
        {
            var shown = bot.Api.ShownTo((908_000 + i).ToString(CultureInfo.InvariantCulture)).Count(m => m.Text.Contains("khoá cửa", StringComparison.Ordinal));
            Assert.InRange(shown, 1, 2);
        }

        var duplicates = Enumerable.Range(0, Followers).Sum(i => bot.Api.ShownTo((908_000 + i).ToString(CultureInfo.InvariantCulture)).Count(m => m.Text.Contains("khoá cửa", StringComparison.Ordinal)) - 1);
        Assert.True(duplicates <= 5, $"{duplicates} duplicates; at most one batch (5) may be in flight at the stop");
        Assert.Equal(BroadcastStatus.Sent, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task In_paid_mode_broadcasts_go_as_paid_messages_at_the_paid_rate_and_replies_stay_free()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Broadcasts:ProgressEvery"] = "01:00:00"; // progress edits have their own test
            s["Telegram:PaidBroadcast"] = "true";
            s["Telegram:RateLimit:PerSecond"] = "4";
            s["Telegram:RateLimit:PaidPerSecond"] = "1000";
        });
        var officer = await bot.OfficerAsync(908_902, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedFollowersAsync(bot);
        await SendAsync(officer);

        await officer.Sees($"Đã gửi xong tin #1: {Followers} người nhận được");
        var broadcast = bot.Api.CallsTo("sendMessage").Where(c => c.ChatId != officer.ChatId && c.Field("text")?.Contains("khoá cửa", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Followers, broadcast.Count);
        Assert.All(broadcast, c => Assert.Equal("true", c.Field("allow_paid_broadcast")?.ToLowerInvariant()));
        Assert.True(broadcast.Max(c => c.ReceivedAt) - broadcast.Min(c => c.ReceivedAt) < TimeSpan.FromSeconds(5), "40 messages at 4 a second would take 10 s; the paid rate is what applied");
        Assert.All(bot.Api.CallsTo("sendMessage").Where(c => c.ChatId == officer.ChatId), c => Assert.Null(c.Field("allow_paid_broadcast")));
    }
}
