using System.Net;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>The webhook as Zalo (and anyone else) reaches it: signatures, bodies, retries.</summary>
public sealed class ZaloWebhookTests
{
    [Fact]
    public async Task A_wrong_or_missing_signature_gets_401_and_nothing_is_stored()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1001");
        var json = FakeZaloApi.Event("user_send_text", "1001", user.Message("/start"));
        var body = FakeZaloApi.Body(json);
        var timestamp = json["timestamp"]!.GetValue<string>();

        var wrongSecret = await user.PostRawAsync(body, FakeZaloApi.Sign(body, timestamp, secret: "not-the-oa-secret"));
        var wrongBody = await user.PostRawAsync(body.Replace("/start", "/stop", StringComparison.Ordinal), FakeZaloApi.Sign(body, timestamp));
        var otherTimestamp = await user.PostRawAsync(body, FakeZaloApi.Sign(body, "1"));
        var missing = await user.PostRawAsync(body, null);
        var notHex = await user.PostRawAsync(body, "mac=" + new string('z', 64));

        Assert.All([wrongSecret, wrongBody, otherTimestamp, missing, notHex], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
        await user.SeesNothingFor(TimeSpan.FromMilliseconds(300));
    }

    [Theory]
    [InlineData("{\"event_name\": \"user_send_text\", ")]
    [InlineData("[1, 2]")]
    [InlineData("{\"event_name\": \"user_send_text\"}")]
    [InlineData("not json at all")]
    [InlineData("{\"timestamp\": \"1\", \"event_name\": ")]
    public async Task A_body_without_a_valid_signature_gets_401_malformed_or_not(string body)
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1002");

        var unsigned = await user.PostRawAsync(body, FakeZaloApi.Sign(body, ""));
        var wrongTimestamp = await user.PostRawAsync(body, FakeZaloApi.Sign(body, "2"));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (unsigned.StatusCode, wrongTimestamp.StatusCode));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_signed_event_that_is_malformed_after_its_timestamp_gets_400()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1005");
        var now = bot.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var truncated = "{\"timestamp\": \"" + now + "\", \"event_name\": ";
        var notMilliseconds = "{\"timestamp\": \"yesterday\", \"event_name\": \"follow\"}";

        var first = await user.PostRawAsync(truncated, FakeZaloApi.Sign(truncated, now));
        var second = await user.PostRawAsync(notMilliseconds, FakeZaloApi.Sign(notMilliseconds, "yesterday"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (first.StatusCode, second.StatusCode));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_captured_event_replayed_after_six_minutes_is_refused_and_not_handled()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1006");
        var captured = user.Event("user_send_text", user.Message("/start"));
        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync(captured)).StatusCode);
        await user.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");

        // The inbox row is gone (Delivery:KeepDays), so only the timestamp can tell the replay apart.
        await bot.QueryAsync(db => db.Inbox.ExecuteDeleteAsync());
        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        var replayed = await user.PostAsync(captured);
        var fromTheFuture = await user.PostAsync(FakeZaloApi.Event("user_send_text", "1006", user.Message("/help"), bot.Clock.GetUtcNow().AddMinutes(6).ToUnixTimeMilliseconds()));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (replayed.StatusCode, fromTheFuture.StatusCode));
        await user.SeesNothingFor(TimeSpan.FromMilliseconds(800));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
        Assert.Contains(bot.Logs.Lines, l => l.Text.Contains("A signed Zalo event was refused: its timestamp is 36", StringComparison.Ordinal));

        // An event a few minutes late (Zalo's first retries) still goes in.
        var late = await user.PostAsync(FakeZaloApi.Event("user_send_text", "1006", user.Message("/start"), bot.Clock.GetUtcNow().AddMinutes(-4).ToUnixTimeMilliseconds()));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        await user.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
    }

    [Fact]
    public async Task The_same_msg_id_delivered_twice_is_handled_once()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1003");
        var json = FakeZaloApi.Event("user_send_text", "1003", user.Message("/start"));

        var first = await user.PostAsync(json);
        await user.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        var retried = await user.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        await user.SeesNothingFor(TimeSpan.FromMilliseconds(800));
        Assert.Equal(1, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task An_event_the_service_does_not_use_is_answered_200_and_ignored()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1004");

        var response = await user.PostAsync(FakeZaloApi.Event("user_seen_message", "1004"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }
}
