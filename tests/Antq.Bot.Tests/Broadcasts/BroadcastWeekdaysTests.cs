using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastWeekdaysTests
{
    [Fact]
    public async Task A_broadcast_repeats_on_monday_and_thursday_at_seven_local_time()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_701, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Traffic, [806_711]);
        var resident = bot.Chat(806_711);

        await officer.ComposeForWardAsync("Nhắc phụ huynh: đưa đón con đúng nơi quy định trước cổng trường, không dừng đỗ dưới lòng đường.", "An toàn giao thông");
        await officer.RepeatAsync("Hằng tuần");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Xong");
        await officer.Sees("chọn ít nhất một ngày");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Thứ Hai");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Thứ Năm");
        var days = await officer.Sees("Gửi vào những thứ nào");
        Assert.Contains(days.Buttons, b => b.Text == "✅ Thứ Năm");
        Assert.Contains(days.Buttons, b => b.Text == "⬜ Thứ Ba");
        officer.Taps("Xong");
        await officer.Sees("gõ giờ gửi");
        officer.Says("7:00");
        var preview = await officer.ConfirmAsync("đưa đón con");
        Assert.Contains("lặp lại Hằng tuần vào Thứ Hai, Thứ Năm", preview.Text, StringComparison.Ordinal);
        await officer.Sees("Đã hẹn gửi tin #1");

        var first = await bot.QueryAsync(db => db.Broadcasts.Select(b => b.ScheduledFor).SingleAsync());
        AssertMondayOrThursdayAtSeven(first);
        Assert.True(first - DateTime.UtcNow < TimeSpan.FromDays(4), "the first occurrence is the next Monday or Thursday");

        bot.Clock.Advance(first - bot.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        await resident.Sees("đưa đón con");
        await officer.Sees("Đang gửi tin #2");
        await officer.Sees("Đã gửi xong tin #2");
        var second = await bot.QueryAsync(db => db.Broadcasts.Where(b => b.Id == 1).Select(b => b.ScheduledFor).SingleAsync());
        AssertMondayOrThursdayAtSeven(second);
        Assert.Equal(LocalTime.ToLocal(first).DayOfWeek == DayOfWeek.Monday ? 3 : 4, (second - first).TotalDays);

        bot.Clock.Advance(TimeSpan.FromDays(1));
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1));
        bot.Clock.Advance(second - bot.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(1));
        await resident.Sees("đưa đón con");
    }

    [Fact]
    public async Task An_officer_changes_a_weekly_broadcasts_days_from_its_card_and_it_keeps_its_time()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_702, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Traffic, [806_712]);

        await officer.ComposeForWardAsync("Nhắc phụ huynh: đội mũ bảo hiểm cho con khi đi xe máy.", "An toàn giao thông");
        await officer.RepeatAsync("Hằng tuần");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Thứ Hai");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Thứ Năm");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Xong");
        await officer.Sees("gõ giờ gửi");
        officer.Says("7:00");
        await officer.ConfirmAsync("mũ bảo hiểm");
        await officer.Sees("Đã hẹn gửi tin #1");

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn");
        officer.Taps("#1 · 🔁");
        await officer.Sees("Lặp lại: Hằng tuần vào Thứ Hai, Thứ Năm");
        officer.Taps("Đổi ngày");
        var shown = await officer.Sees("Gửi vào những thứ nào");
        Assert.Contains(shown.Buttons, b => b.Text == "✅ Thứ Hai");
        Assert.Contains(shown.Buttons, b => b.Text == "✅ Thứ Năm");

        // Thursday off, Saturday on; none at all is refused.
        officer.Taps("Thứ Năm");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Thứ Hai");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Xong");
        await officer.Sees("chọn ít nhất một ngày");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Thứ Hai");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Thứ Bảy");
        await officer.Sees("Gửi vào những thứ nào");
        officer.Taps("Xong");
        var changed = await officer.Sees("Đã đổi ngày gửi tin #1: Hằng tuần vào Thứ Hai, Thứ Bảy. Lần gửi tới: 07:00 ngày ");

        var stored = await bot.QueryAsync(db => db.Broadcasts.Where(b => b.Id == 1).Select(b => new { b.Weekdays, b.ScheduledFor }).SingleAsync());
        Assert.Equal(Recurrences.Bit(DayOfWeek.Monday) | Recurrences.Bit(DayOfWeek.Saturday), stored.Weekdays);
        var next = LocalTime.ToLocal(stored.ScheduledFor);
        Assert.Contains(next.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Saturday });
        Assert.Equal(new TimeSpan(7, 0, 0), next.TimeOfDay);
        Assert.True(stored.ScheduledFor > DateTime.UtcNow && stored.ScheduledFor - DateTime.UtcNow < TimeSpan.FromDays(6), $"next {next}");
        Assert.Contains(LocalTime.Format(stored.ScheduledFor, "vi"), changed.Text, StringComparison.Ordinal);
    }

    private static void AssertMondayOrThursdayAtSeven(DateTime utc)
    {
        var local = LocalTime.ToLocal(utc);
        Assert.Contains(local.DayOfWeek, new[] { DayOfWeek.Monday, DayOfWeek.Thursday });
        Assert.Equal(new TimeSpan(7, 0, 0), local.TimeOfDay);
    }
}
