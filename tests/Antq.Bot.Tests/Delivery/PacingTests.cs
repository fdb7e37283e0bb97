using System.Globalization;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Xunit.Abstractions;

namespace Antq.Bot.Tests.Delivery;

[Collection(TimingCollection.Name)]
public sealed class PacingTests(ITestOutputHelper output)
{
    private const int Followers = 120;

    /// <summary>
    /// Against a server that allows at most 30 messages in any rolling second and answers the 31st with a 429 that
    /// stops the channel for a second (issue 17 measured 16 a second and six 429s with the old token bucket). A rate is
    /// measured on cores the test run shares with whatever else the machine does, so a broadcast that falls short is
    /// followed by one more, and the better of the two must reach the rate; neither may draw more than two 429s.
    /// </summary>
    [Fact]
    public async Task A_broadcast_to_120_residents_at_the_default_rate_goes_at_over_27_a_second_with_at_most_two_429s_from_a_strict_rolling_window()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:RateLimit:PerChatPerSecond"] = "1");
        bot.Api.EnforceRollingWindow(30);
        var officer = await bot.OfficerAsync(931_900, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Security, Enumerable.Range(931_000, Followers).Select(i => (long)i));

        var (rate, refused) = await BroadcastAsync(bot, officer, 1, "Tuyên truyền: khoá cửa, khoá xe cẩn thận trước khi ra khỏi nhà.", "khoá cửa");
        Assert.InRange(refused, 0, 2);
        if (rate < 27)
        {
            var (again, refusedAgain) = await BroadcastAsync(bot, officer, 2, "Tuyên truyền: không để tài sản có giá trị trong xe máy khi đỗ ngoài đường.", "tài sản có giá trị");
            Assert.InRange(refusedAgain, 0, 2);
            rate = Math.Max(rate, again);
        }

        Assert.True(rate >= 27, $"{rate:0.0} messages a second");
    }

    private async Task<(double Rate, long Refused)> BroadcastAsync(TestBot bot, ChatScript officer, int number, string text, string fragment)
    {
        var refusedBefore = bot.Api.RateLimitedCount;
        await officer.ComposeForWardAsync(text, "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync(fragment);
        await officer.Sees($"Đang gửi tin #{number} đến {Followers} người");
        await bot.Api.WaitForCallAsync(_ => bot.Api.ShownTo(officer.ChatId).Any(m => m.Text.Contains($"Đã gửi xong tin #{number}: {Followers} người nhận được", StringComparison.Ordinal)), TimeSpan.FromSeconds(30));
        await officer.Sees($"Đã gửi xong tin #{number}: {Followers} người nhận được");

        var sent = bot.Api.CallsTo("sendMessage")
            .Where(c => c.Succeeded && c.Field("text")?.Contains(fragment, StringComparison.Ordinal) == true && c.ChatId != officer.ChatId)
            .Select(c => c.ReceivedAt).Order().ToList();
        Assert.Equal(Followers, sent.Count);
        var rate = (sent.Count - 1) / (sent[^1] - sent[0]).TotalSeconds;
        var refused = bot.Api.RateLimitedCount - refusedBefore;
        output.WriteLine($"broadcast #{number}: {rate:0.0} messages/s, {refused} 429s");
        return (rate, refused);
    }
}
