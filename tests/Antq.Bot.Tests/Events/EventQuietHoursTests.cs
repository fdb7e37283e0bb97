using System.Globalization;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.Events;

public sealed class EventQuietHoursTests
{
    [Fact]
    public async Task In_quiet_hours_an_event_says_its_announcement_will_go_in_the_morning_not_that_it_was_sent()
    {
        var local = LocalTime.ToLocal(DateTime.UtcNow);
        var (from, until) = (TimeOnly.FromDateTime(local).AddHours(-1), TimeOnly.FromDateTime(local).AddHours(2));
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = $"{from:HH:mm}-{until:HH:mm}");
        var officer = await bot.OfficerAsync(907_901, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.SignedUpAsync(907_902, "Phường Chi Lăng", "Khối 2", "Ngày hội, sự kiện");
        var start = local.Date.AddDays(5).AddHours(14);

        officer.Says("/event");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Văn nghệ, trao giấy khen cho các khối tiêu biểu.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says(start.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("17:00");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Xong");

        await officer.SeesAll("Xem trước thông báo", $"Gửi thông báo: lúc {until:HH:mm}", $"giờ nghỉ ban đêm ({from:HH:mm}–{until:HH:mm})");
        officer.Taps("Tạo và thông báo");
        var created = await officer.Sees("Đã tạo sự kiện #1.");
        Assert.Contains($"thông báo đến 1 người theo dõi ngày hội, sự kiện sẽ bắt đầu gửi lúc {until:HH:mm}", created.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("và gửi thông báo đến", created.Text, StringComparison.Ordinal);
    }
}
