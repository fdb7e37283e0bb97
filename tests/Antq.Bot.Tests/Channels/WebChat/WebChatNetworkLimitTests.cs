using System.Net;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>Limits per network: each visitor's own address behind the proxy, and tips that new cookies cannot multiply.</summary>
public sealed class WebChatNetworkLimitTests
{
    [Fact]
    public async Task Two_visitors_behind_the_proxy_get_separate_per_IP_limits()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerIpPerMinute"] = "6");
        using var first = await bot.WebVisitorAsync(forwardedFor: "203.0.113.10");
        using var second = await bot.WebVisitorAsync(forwardedFor: "203.0.113.11");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await first.Http.SendAsync(first.Post(new { text = "xin chào " + i }))).StatusCode);
        }

        // Were the proxy's address used, the second visitor would share the first one's exhausted allowance.
        var other = await second.Http.SendAsync(second.Post(new { text = "xin chào" }));

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    [Fact]
    public async Task New_cookies_do_not_multiply_tips_one_network_sends_at_most_its_daily_limit()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Tips:MaxPerNetworkPerDay"] = "2";
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
        });
        var officer = await bot.OfficerAsync(909_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        for (var i = 0; i < 2; i++)
        {
            using var visitor = await bot.WebVisitorAsync();
            await SignsUpAndReviewsATipAsync(visitor);
            await visitor.Taps("Gửi tin báo");
            await visitor.Sees("Mã theo dõi: ");
            await officer.Sees("Tin báo mới ");
        }

        // A third fresh cookie from the same address: a new identity, the same network.
        using var third = await bot.WebVisitorAsync();
        await SignsUpAndReviewsATipAsync(third);
        await third.Taps("Gửi tin báo");
        await third.Sees("Hôm nay đã có 2 tin báo được gửi từ mạng Internet bạn đang dùng, đó là mức tối đa.");

        // Another network is not held back by it.
        using var elsewhere = await bot.WebVisitorAsync(forwardedFor: "198.51.100.7");
        await SignsUpAndReviewsATipAsync(elsewhere);
        await elsewhere.Taps("Gửi tin báo");
        await elsewhere.Sees("Mã theo dõi: ");
        await officer.Sees("Tin báo mới ");

        Assert.Equal(3, await bot.QueryAsync(db => db.Tips.CountAsync()));
        await officer.SeesNothingFor(TimeSpan.FromMilliseconds(300));
    }

    private static async Task SignsUpAndReviewsATipAsync(WebChatScript visitor)
    {
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.AtTipReviewAsync();
    }
}
