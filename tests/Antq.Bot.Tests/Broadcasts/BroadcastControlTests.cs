using System.Globalization;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastControlTests
{
    [Fact]
    public async Task A_daily_broadcast_is_paused_resumed_without_a_burst_edited_and_cancelled_from_its_card()
    {
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = "off");
        var officer = await bot.OfficerAsync(806_801, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var other = await bot.OfficerAsync(806_802, "Thiếu úy Nam", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Fire, [806_811]);
        var resident = bot.Chat(806_811);

        await officer.ComposeForWardAsync("Mùa hanh khô: tắt bếp, rút phích điện trước khi ra khỏi nhà.", "Phòng cháy, chữa cháy");
        await officer.RepeatAsync("Hằng ngày");
        await officer.Sees("gõ giờ gửi");
        var first = LocalTime.ToLocal(DateTime.UtcNow).AddHours(1);
        officer.Says(first.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.ConfirmAsync("tắt bếp");
        await officer.Sees("Đã hẹn gửi tin #1");

        // Another officer of the same ward sees none of it and cannot touch it.
        other.Says("/broadcasts");
        await other.Sees("Không có tin nào đang hẹn");

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn, tạm dừng hoặc đang gửi: 1");
        officer.Taps("#1 · 🔁");
        await officer.Sees("Tin #1 — đang hẹn giờ");
        officer.Taps("Tạm dừng");
        await officer.Sees("Đã tạm dừng tin #1");

        // Paused over three occurrences: nothing goes, and resuming sends none of them.
        bot.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(2));
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn, tạm dừng hoặc đang gửi: 1");
        officer.Taps("#1 · ⏸");
        await officer.Sees("Tin #1 — đang tạm dừng");
        officer.Taps("Tiếp tục gửi");
        await officer.Sees("Đã cho gửi tiếp tin #1. Lần gửi tới: " + first.AddDays(3).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture));
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1.5));
        Assert.Equal(1, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn");
        officer.Taps("#1 · 🔁");
        await officer.Sees("Tin #1 — đang hẹn giờ");
        officer.Taps("Sửa nội dung");
        await officer.Sees("gõ nội dung mới cho tin #1");
        officer.Says("Mùa hanh khô: tắt bếp, rút phích điện; có cháy gọi ngay 114.");
        await officer.Sees("Đã sửa nội dung tin #1");

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn");
        officer.Taps("#1 · 🔁");
        await officer.Sees("gọi ngay 114");
        officer.Taps("Đổi giờ");
        await officer.Sees("gõ giờ gửi mới cho tin #1");
        officer.Says("hôm nay");
        await officer.Sees("Chưa đọc được giờ gửi");
        await officer.Sees("gõ giờ gửi mới");
        var moved = LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime).AddHours(5);
        officer.Says(moved.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Đã đổi giờ tin #1. Lần gửi tới: " + moved.ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture));

        bot.Clock.Advance(TimeSpan.FromHours(5));
        await resident.Sees("có cháy gọi ngay 114");
        await officer.Sees("Đang gửi tin #2");
        await officer.Sees("Đã gửi xong tin #2");
        await resident.SeesNothingFor(TimeSpan.Zero);

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn");
        officer.Taps("#1 · 🔁");
        await officer.Sees("Tin #1");
        officer.Taps("Huỷ tin");
        await officer.Sees("Đã huỷ tin #1");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1.5));
    }
}
