using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Antq.Bot.Tests.Delivery;

[Collection(TimingCollection.Name)]
public sealed class RestartTests(ITestOutputHelper output)
{
    private const int Followers = 150;
    private const string Text = "Tuyên truyền: khoá cửa, khoá xe cẩn thận trước khi ra khỏi nhà.";

    /// <summary>
    /// Issue 17 measured the last residents getting a broadcast 119 s after a restart: the messages in flight at the
    /// kill waited for their lease (Delivery:LeaseDuration, 2 minutes) to run out.
    /// </summary>
    [Fact]
    public async Task After_a_crash_mid_broadcast_what_was_in_flight_goes_again_at_once_and_everyone_has_it_within_10_seconds()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Broadcasts:ProgressEvery"] = "01:00:00"; // progress edits have their own test
            s["Telegram:RateLimit:PerChatPerSecond"] = "1";
        });
        bot.Api.EnforceRollingWindow(30);
        var officer = await bot.OfficerAsync(932_900, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Security, Enumerable.Range(932_000, Followers).Select(i => (long)i));
        await officer.ComposeForWardAsync(Text, "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync("khoá cửa");
        await bot.Api.WaitForCallAsync(_ => Delivered(bot).Count >= 40, ChatScript.Patience);

        // The crash: sending freezes mid-request (nothing more arrives), the database is kept as it is at that moment,
        // and the requests on their way are cut off undelivered.
        bot.Api.HoldMessages();
        await bot.Api.WaitForCallAsync(_ => bot.Api.HeldCount > 0, ChatScript.Patience);
        await Task.Delay(300); // what was answered before the freeze is recorded sent, as it would be
        await bot.CrashAsync(bot.Api.DropHeld);
        var inFlight = await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.BroadcastId == 1 && o.Status == DeliveryStatus.InFlight));
        var before = Delivered(bot).Count;
        Assert.True(inFlight > 0, "something was in flight at the crash");

        var restarted = DateTimeOffset.UtcNow;
        await bot.RestartAsync();
        await bot.Api.WaitForCallAsync(_ => Everyone(bot), TimeSpan.FromSeconds(30));

        var after = Delivered(bot).Skip(before).Select(c => c.ReceivedAt).ToList();
        output.WriteLine($"{before} delivered before the crash, {inFlight} in flight; after the restart the first in {(after.Min() - restarted).TotalSeconds:0.0} s, the last in {(after.Max() - restarted).TotalSeconds:0.0} s");
        Assert.True(after.Max() - restarted < TimeSpan.FromSeconds(10), $"the last resident had it {(after.Max() - restarted).TotalSeconds:0.0} s after the restart");
        var duplicates = Delivered(bot).GroupBy(c => c.ChatId).Sum(g => g.Count() - 1);
        Assert.InRange(duplicates, 0, inFlight);
        await bot.Api.WaitForCallAsync(_ => bot.Api.ShownTo(officer.ChatId).Any(m => m.Text.Contains($"Đã gửi xong tin #1: {Followers} người nhận được", StringComparison.Ordinal)), ChatScript.Patience);
    }

    private static List<RecordedCall> Delivered(TestBot bot) =>
        [.. bot.Api.CallsTo("sendMessage").Where(c => c.Succeeded && c.ChatId != "932900" && c.Field("text") == Text)];

    private static bool Everyone(TestBot bot) =>
        Delivered(bot).Select(c => c.ChatId).Distinct().Count() == Followers;
}
