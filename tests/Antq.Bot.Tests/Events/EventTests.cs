using System.Globalization;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Events;

public sealed class EventTests
{
    [Fact]
    public async Task A_festival_is_announced_answers_are_counted_reminders_go_to_the_right_people_and_cancelling_tells_them()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(907_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var coming = await bot.SignedUpAsync(907_101, "Phường Chi Lăng", "Khối 2", "Ngày hội, sự kiện");
        var notComing = await bot.SignedUpAsync(907_102, "Phường Chi Lăng", "Khối 3", "Ngày hội, sự kiện");
        var silent = await bot.SignedUpAsync(907_103, "Phường Chi Lăng", "Khối 4", "Ngày hội, sự kiện");
        var otherWard = await bot.SignedUpAsync(907_104, "Phường Tam Thanh", "Khối 1", "Ngày hội, sự kiện");
        var start = LocalTime.ToLocal(DateTime.UtcNow).Date.AddDays(5).AddHours(14);

        officer.Says("/event");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Văn nghệ, trao giấy khen cho các khối tiêu biểu, ký cam kết an toàn.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says("mai");
        await officer.Sees("Thời điểm bắt đầu phải theo dạng");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says(start.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("17:00");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Xong");
        var preview = await officer.Sees("Xem trước thông báo");
        Assert.Contains("Nhắc trước: 3 ngày, 1 ngày, 2 giờ", preview.Text, StringComparison.Ordinal);
        officer.Taps("Tạo và thông báo");
        await officer.Sees("Đã tạo sự kiện #1 và gửi thông báo đến 3 người");

        var announcement = await coming.Sees("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        Assert.Contains("Thời gian: 14:00–17:00 ngày " + start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + "\n", announcement.Text, StringComparison.Ordinal);
        coming.Taps("Tôi sẽ đến");
        await coming.Sees("Đã ghi nhận bạn sẽ đến");
        await notComing.Sees("Ngày hội Toàn dân");
        notComing.Taps("Không đến được");
        await notComing.Sees("Đã ghi nhận bạn không đến được");
        await silent.Sees("Ngày hội Toàn dân");
        Assert.DoesNotContain(bot.Api.ShownTo(otherWard.ChatId), m => m.Text.Contains("Ngày hội Toàn dân", StringComparison.Ordinal));

        officer.Says("/events");
        await officer.Sees("1 sẽ đến, 1 không đến");

        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start, LocalTime.Zone);
        bot.Clock.Advance(startUtc - DateTime.UtcNow - TimeSpan.FromHours(71.9));
        await coming.Sees("Nhắc bạn: \"Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng\"");
        await silent.Sees("Nhắc bạn");
        await notComing.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        await coming.SeesNothingFor(TimeSpan.Zero);

        // Moving it re-arms the reminders still ahead and tells those coming.
        officer.Says("/events");
        await officer.Sees("#1");
        officer.Taps("Dời #1");
        await officer.Sees("thời điểm bắt đầu mới");
        officer.Says(start.AddDays(2).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("17:00");
        await officer.Sees("Đã dời sự kiện #1");
        await coming.Sees("đã dời từ");
        bot.Clock.Advance(TimeSpan.FromHours(48));
        await coming.Sees("Nhắc bạn");
        await silent.Sees("Nhắc bạn");

        officer.Says("/events");
        await officer.Sees("#1");
        officer.Taps("Huỷ sự kiện #1");
        await officer.Sees("Đã huỷ sự kiện #1 và báo cho 1 người đã nhận lời.");
        await coming.Sees("đã được huỷ");
        bot.Clock.Advance(TimeSpan.FromHours(70));
        await silent.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        Assert.Equal(2, await bot.QueryAsync(db => db.EventRsvps.CountAsync()));
    }

    [Fact]
    public async Task A_resident_finds_upcoming_events_from_the_menu_and_officer_commands_stay_hidden()
    {
        await using var bot = await TestBot.StartAsync();
        var resident = await bot.SignedUpAsync(907_201);

        resident.Taps("Sự kiện");
        await resident.Sees("Hiện chưa có sự kiện nào sắp diễn ra");
        resident.Says("/event");
        await resident.Sees("Không có lệnh /event.");
    }
}
