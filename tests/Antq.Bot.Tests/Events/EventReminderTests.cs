using System.Globalization;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Events;

public sealed class EventReminderTests
{
    [Fact]
    public async Task Reminders_go_at_the_offsets_chosen_for_the_event_and_follow_it_when_it_moves()
    {
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = "off");
        var officer = await bot.OfficerAsync(907_301, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var follower = await bot.SignedUpAsync(907_311, "Phường Chi Lăng", "Khối 5", "Ngày hội, sự kiện");
        var start = LocalTime.ToLocal(DateTime.UtcNow).Date.AddDays(10).AddHours(14);

        officer.Says("/event");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Hội nghị tuyên truyền phòng cháy chữa cháy khối 5");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Hướng dẫn sử dụng bình chữa cháy, thoát nạn khi có cháy trong nhà ống.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 5");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says(start.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("16:30");
        var choice = await officer.Sees("Nhắc người tham gia trước bao lâu?");
        Assert.Equal(["✅ 3 ngày", "✅ 1 ngày", "✅ 2 giờ"], choice.Buttons.Select(b => b.Text).Where(t => t.StartsWith('✅')));
        foreach (var toggle in new[] { "1 tuần", "3 ngày", "1 ngày", "30 phút" })
        {
            officer.Taps(toggle);
            await officer.Sees("Nhắc người tham gia trước bao lâu?");
        }

        officer.Taps("Xong");
        var preview = await officer.Sees("Xem trước thông báo");
        Assert.Contains("Nhắc trước: 1 tuần, 2 giờ, 30 phút", preview.Text, StringComparison.Ordinal);
        officer.Taps("Tạo và thông báo");
        await officer.Sees("Đã tạo sự kiện #1 và gửi thông báo đến 1 người");
        await follower.Sees("Hội nghị tuyên truyền phòng cháy");
        Assert.Equal("10080,120,30", await bot.QueryAsync(db => db.Events.Select(e => e.ReminderMinutes).SingleAsync()));

        // One week before: the first reminder; three days and one day before: nothing (not chosen).
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start, LocalTime.Zone);
        bot.Clock.Advance(startUtc - bot.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await follower.Sees("Nhắc bạn: \"Hội nghị tuyên truyền phòng cháy chữa cháy khối 5\"");
        bot.Clock.Advance(TimeSpan.FromDays(4));
        await follower.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        bot.Clock.Advance(TimeSpan.FromDays(2));
        await follower.SeesNothingFor(TimeSpan.FromSeconds(1.5));

        // Moved a day later: the reminders still ahead follow the new start.
        officer.Says("/events");
        await officer.Sees("#1");
        officer.Taps("Dời #1");
        await officer.Sees("thời điểm bắt đầu mới");
        var moved = start.AddDays(1);
        officer.Says(moved.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("16:30");
        await officer.Sees("Đã dời sự kiện #1");

        var movedUtc = TimeZoneInfo.ConvertTimeToUtc(moved, LocalTime.Zone);
        bot.Clock.Advance(movedUtc - bot.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromHours(3));
        await follower.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        bot.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));
        await follower.Sees("Nhắc bạn");
        bot.Clock.Advance(TimeSpan.FromMinutes(90));
        await follower.Sees("Nhắc bạn");
        await follower.SeesNothingFor(TimeSpan.FromSeconds(1));
    }
}
