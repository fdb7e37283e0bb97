using System.Text;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>Zalo's access token (about 25 h) and its single-use refresh token.</summary>
public sealed class ZaloTokenTests
{
    [Fact]
    public async Task An_expired_token_is_refreshed_once_and_the_send_retried()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = bot.Zalo!;
        var user = bot.ZaloUser("2001");
        await user.Says("/start");
        await user.Sees("ngôn ngữ");

        zalo.ExpireAccessTokens();
        await user.Taps("Tiếng Việt");
        await user.Sees("Thông báo về dữ liệu cá nhân");

        Assert.Equal([FakeZaloApi.FirstRefreshToken, "refresh-1"], zalo.Refreshes.Select(r => r.RefreshToken));
        Assert.All(zalo.Refreshes, r => Assert.True(r.Succeeded));
        var consent = zalo.Sent.Where(s => s.Text.Contains("Thông báo về dữ liệu cá nhân", StringComparison.Ordinal)).ToList();
        Assert.Equal([(-220, "access-1"), (0, "access-2")], consent.Select(s => (s.Error, s.AccessToken)));
    }

    [Fact]
    public async Task A_spent_refresh_token_is_never_sent_again_not_even_the_configured_one_after_a_restart()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = bot.Zalo!;
        var user = bot.ZaloUser("2002");
        await user.Says("/start");
        await user.Sees("ngôn ngữ");
        zalo.ExpireAccessTokens();
        await user.Taps("Tiếng Việt");
        await user.Sees("Thông báo về dữ liệu cá nhân");

        await bot.RestartAsync();
        zalo.ExpireAccessTokens();
        await user.Taps("Tôi đồng ý");
        await user.Sees("Cảm ơn bạn đã đồng ý.");

        var sent = zalo.Refreshes.Select(r => r.RefreshToken).ToList();
        Assert.Equal([FakeZaloApi.FirstRefreshToken, "refresh-1", "refresh-2"], sent);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.All(zalo.Refreshes, r => Assert.True(r.Succeeded));

        // Stored sealed: neither token is readable in the database file.
        var stored = await bot.QueryAsync(db => db.ChannelCredentials.SingleAsync());
        var plain = Encoding.UTF8.GetString(stored.Sealed);
        Assert.DoesNotContain("refresh-3", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("access-3", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_access_token_is_refreshed_ahead_of_its_expiry_without_a_failed_send()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = bot.Zalo!;
        var user = bot.ZaloUser("2003");
        await user.Says("/start");
        await user.Sees("ngôn ngữ");

        bot.Clock.Advance(TimeSpan.FromHours(24.5));
        await user.Says("/help");
        await user.Sees("đã được đóng lại");
        await user.Sees("/tip");

        Assert.Equal([FakeZaloApi.FirstRefreshToken, "refresh-1"], zalo.Refreshes.Select(r => r.RefreshToken));
        Assert.All(zalo.Sent, s => Assert.Equal(0, s.Error));
    }
}
