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
    public async Task A_malformed_body_gets_400(string body)
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = bot.ZaloUser("1002");

        var response = await user.PostRawAsync(body, FakeZaloApi.Sign(body, ""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
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
