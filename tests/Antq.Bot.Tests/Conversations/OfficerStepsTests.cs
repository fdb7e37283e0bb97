using System.Globalization;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

/// <summary>/broadcast and /event: every step goes back or cancels, and dates are typed as people type them.</summary>
public sealed class OfficerStepsTests
{
    [Fact]
    public async Task A_broadcast_goes_back_through_every_step_keeping_what_was_chosen_and_cancel_sends_nothing()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(812_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/broadcast");
        var text = await officer.Sees("Soạn tin gửi người dân");
        Assert.Equal(["Huỷ"], text.Buttons.Select(b => b.Text));
        officer.Says("Mùa hanh khô: tắt bếp, rút phích điện trước khi ra khỏi nhà.");
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Quay lại");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Says("Mùa hanh khô: tắt bếp, rút phích điện trước khi ra khỏi nhà.");
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Phòng cháy, chữa cháy");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Lặp lại");
        await officer.Sees("Lặp lại thế nào?");
        officer.Taps("Hằng tuần");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Thứ Năm");
        await officer.Sees("Gửi vào những thứ nào trong tuần?");
        officer.Taps("Xong");
        await officer.Sees("gõ giờ gửi");
        officer.Taps("Quay lại");
        var days = await officer.Sees("Gửi vào những thứ nào trong tuần?");
        Assert.Contains(days.Buttons, b => b.Text == "✅ Thứ Năm");
        officer.Taps("Quay lại");
        await officer.Sees("Lặp lại thế nào?");
        officer.Taps("Quay lại");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Quay lại");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Quay lại");
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Huỷ");
        await officer.Sees("Đã dừng");

        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_broadcast_is_scheduled_for_mai_8h_and_a_time_past_is_refused_by_name()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(812_002, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var tomorrow = LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime).Date.AddDays(1);

        await officer.ComposeForWardAsync("Mùa hanh khô: tắt bếp, rút phích điện trước khi ra khỏi nhà.", "Phòng cháy, chữa cháy");
        officer.Taps("Hẹn giờ");
        var ask = await officer.Sees("gõ ngày giờ gửi");
        Assert.Equal(["« Quay lại", "Huỷ"], ask.Buttons.Select(b => b.Text));
        officer.Says("1/1/2020 8:00");
        await officer.Sees("Thời điểm 08:00 ngày 01/01/2020 đã qua.");
        await officer.Sees("gõ ngày giờ gửi");
        officer.Says("mai 8h");
        var preview = await officer.Sees("Xác nhận gửi?"); // one message: the text as residents get it, the summary, the buttons
        Assert.Contains("Mùa hanh khô", preview.Text, StringComparison.Ordinal);
        Assert.Contains("08:00 ngày " + tomorrow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), preview.Text, StringComparison.Ordinal);
        officer.Taps("Quay lại");
        await officer.Sees("gõ ngày giờ gửi");
        officer.Taps("Huỷ");
        await officer.Sees("Đã dừng");

        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task An_event_goes_back_through_its_steps_reads_thu_bay_and_mai_and_cancel_creates_nothing()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(812_003, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var tomorrow = LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime).Date.AddDays(1);

        officer.Says("/event");
        var title = await officer.Sees("Tạo sự kiện");
        Assert.Equal(["Huỷ"], title.Buttons.Select(b => b.Text));
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await officer.Sees("nội dung, chương trình");
        officer.Taps("Quay lại");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Văn nghệ, trao giấy khen cho các khối tiêu biểu.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says("thứ bảy 9h");
        await officer.Sees("Kết thúc lúc nào?");
        officer.Taps("Quay lại");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Taps("Quay lại");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says("mai 8h");
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("10h30");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Xong");
        var preview = await officer.Sees("Xem trước thông báo");
        Assert.Contains("08:00–10:30 ngày " + tomorrow.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), preview.Text, StringComparison.Ordinal);
        officer.Taps("Quay lại");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Huỷ");
        await officer.Sees("Đã dừng");

        Assert.Equal(0, await bot.QueryAsync(db => db.Events.CountAsync()));
    }
}
