using System.Globalization;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastTests
{
    private static async Task SeedAsync(TestBot bot, params (long Chat, string Ward, Topics Topics, ResidentStatus Status, bool Consented)[] residents)
    {
        await bot.QueryAsync(db =>
        {
            foreach (var r in residents)
            {
                var id = r.Chat.ToString(CultureInfo.InvariantCulture);
                db.Residents.Add(new Resident
                {
                    Channel = "telegram", ExternalUserId = id, ChatId = id, Language = "vi", WardId = r.Ward, UnitId = r.Ward + "-k1",
                    Topics = r.Topics, Status = r.Status, ConsentedAt = r.Consented ? DateTime.UtcNow : null,
                    ConsentRefusedAt = r.Consented ? null : DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
                });
            }

            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_ward_broadcast_reaches_exactly_its_active_followers_once_and_the_officer_gets_a_report()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(
            bot,
            (806_101, "chi-lang", Topics.Traffic, ResidentStatus.Active, true),
            (806_102, "chi-lang", Topics.Traffic | Topics.Security | Topics.Fire, ResidentStatus.Active, true),
            (806_103, "chi-lang", Topics.Traffic, ResidentStatus.Blocked, true),
            (806_104, "chi-lang", Topics.Fire, ResidentStatus.Active, true),
            (806_105, "tam-thanh", Topics.Traffic, ResidentStatus.Active, true),
            (806_106, "chi-lang", Topics.None, ResidentStatus.Active, false));

        await officer.ComposeAsync("Từ 1/12, đường Trần Đăng Ninh cấm xe tải từ 6 giờ đến 20 giờ.", "An toàn giao thông");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");
        var preview = await officer.SeesAll("Xem trước", "Từ 1/12, đường Trần Đăng Ninh cấm xe tải", "Chủ đề: An toàn giao thông\nGửi đến: Phường Chi Lăng");
        Assert.Contains("Số người nhận (hiện tại): 2", preview.Text, StringComparison.Ordinal);
        officer.Taps("Xác nhận gửi");
        await officer.Sees("Đang gửi tin #1 đến 2 người");

        await bot.Chat(806_101).Sees("cấm xe tải");
        await bot.Chat(806_102).Sees("cấm xe tải");
        await officer.Sees("Đã gửi xong tin #1: 2 người nhận được, 0 người đã chặn bot, 0 lỗi (trên tổng 2)");
        foreach (var silent in new long[] { 806_103, 806_104, 806_105, 806_106 })
        {
            Assert.Empty(bot.Api.ShownTo(silent.ToString(CultureInfo.InvariantCulture)));
        }

        Assert.Equal(2, await bot.QueryAsync(db => db.Outbox.CountAsync(o => o.BroadcastId == 1 && o.Priority == DeliveryPriority.Broadcast)));
        Assert.Equal(BroadcastStatus.Sent, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Quiet_hours_hold_a_normal_broadcast_and_let_an_urgent_one_through()
    {
        var local = TimeOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow));
        var window = $"{local.AddHours(-1):HH:mm}-{local.AddHours(2):HH:mm}";
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = window);
        var officer = await bot.OfficerAsync(806_002, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(bot, (806_201, "chi-lang", Topics.Security, ResidentStatus.Active, true));
        var resident = bot.Chat(806_201);

        await officer.ComposeAsync("Tuyên truyền phòng chống lừa đảo qua mạng: không chuyển tiền cho người lạ.", "Tuyên truyền");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");
        await officer.SeesAll("Xem trước", "Tuyên truyền phòng chống", "Xác nhận gửi?");
        officer.Taps("Xác nhận gửi");
        await officer.Sees("đang trong giờ nghỉ ban đêm nên sẽ bắt đầu gửi lúc");
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1.5));

        await officer.ComposeAsync("Cảnh báo: lũ quét tại suối Phai Luông, không đi qua ngầm tràn.", "Khẩn cấp");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");
        await officer.SeesAll("Xem trước", "Cảnh báo: lũ quét", "Xác nhận gửi?");
        officer.Taps("Xác nhận gửi");
        await officer.Sees("Đang gửi tin #2");
        await resident.Sees("Cảnh báo: lũ quét");
        await resident.SeesNothingFor(TimeSpan.FromSeconds(0.5));
    }

    [Fact]
    public async Task A_scheduled_broadcast_survives_a_restart_and_goes_out_at_its_local_time()
    {
        await using var bot = await TestBot.StartAsync();
        var admin = await bot.OfficerAsync(806_003, "Đại úy Minh", OfficerRole.Admin, null);
        await SeedAsync(bot, (806_301, "mai-pha", Topics.Events, ResidentStatus.Active, true), (806_302, "vinh-trai", Topics.Events, ResidentStatus.Active, true));
        var at = LocalTime.ToLocal(DateTime.UtcNow).AddHours(3);

        await admin.ComposeAsync("Ngày hội Toàn dân bảo vệ ANTQ xã Mai Pha: 7 giờ 30 sáng Chủ nhật tại nhà văn hoá thôn.", "Ngày hội, sự kiện");
        await admin.Sees("Gửi đến đâu?");
        admin.Taps("Xã Mai Pha");
        await admin.Sees("Gửi đến đâu?");
        admin.Taps("Xong");
        await admin.Sees("Gửi đến: Xã Mai Pha.");
        admin.Taps("Tiếp tục");
        await admin.Sees("Gửi khi nào?");
        admin.Taps("Hẹn giờ");
        await admin.Sees("gõ ngày giờ gửi");
        admin.Says("hôm nay");
        await admin.Sees("Chưa đọc được ngày giờ");
        await admin.Sees("gõ ngày giờ gửi");
        admin.Says(at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        var preview = await admin.SeesAll("Xem trước", "Ngày hội Toàn dân", "Gửi đến: Xã Mai Pha");
        Assert.Contains("Số người nhận (hiện tại): 1", preview.Text, StringComparison.Ordinal);
        admin.Taps("Xác nhận gửi");
        await admin.Sees("Đã hẹn gửi tin #1 lúc " + at.ToString("HH:mm", CultureInfo.InvariantCulture));

        await bot.RestartAsync();
        await bot.Chat(806_301).SeesNothingFor(TimeSpan.FromSeconds(1));
        bot.Clock.Advance(TimeSpan.FromHours(3));
        await bot.Chat(806_301).Sees("Ngày hội Toàn dân bảo vệ ANTQ xã Mai Pha");
        Assert.Empty(bot.Api.ShownTo("806302"));
    }

    [Fact]
    public async Task A_scheduled_broadcast_can_be_cancelled_and_one_missed_while_down_is_reported()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_004, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(bot, (806_401, "chi-lang", Topics.Security, ResidentStatus.Active, true));
        foreach (var hours in new[] { 1, 2 })
        {
            await officer.ComposeAsync($"Thông báo số {hours}: họp tổ dân phố về an ninh trật tự.", "Tuyên truyền");
            await officer.Sees("Gửi đến: Phường Chi Lăng.");
            officer.Taps("Tiếp tục");
            await officer.Sees("Gửi khi nào?");
            officer.Taps("Hẹn giờ");
            await officer.Sees("gõ ngày giờ gửi");
            officer.Says(LocalTime.ToLocal(DateTime.UtcNow).AddHours(hours).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
            await officer.SeesAll("Xem trước", "Thông báo số", "Xác nhận gửi?");
            officer.Taps("Xác nhận gửi");
            await officer.Sees($"Đã hẹn gửi tin #{hours}");
        }

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn, tạm dừng hoặc đang gửi: 2");
        officer.Taps("#1 ·");
        await officer.Sees("Tin #1 — đang hẹn giờ");
        officer.Taps("Huỷ tin");
        await officer.Sees("Đã huỷ tin #1: 0 người đã nhận trước đó");

        await bot.StopAsync();
        bot.Clock.Advance(TimeSpan.FromHours(5));
        await bot.RestartAsync();
        await officer.Sees("Tin #2 hẹn gửi lúc");
        await bot.Chat(806_401).SeesNothingFor(TimeSpan.FromSeconds(1));
        var statuses = await bot.QueryAsync(db => db.Broadcasts.OrderBy(b => b.Id).Select(b => b.Status).ToListAsync());
        Assert.Equal([BroadcastStatus.Cancelled, BroadcastStatus.Missed], statuses);
    }

    [Fact]
    public async Task A_daily_broadcast_goes_out_every_day_at_its_local_time_until_cancelled()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_005, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(bot, (806_501, "chi-lang", Topics.Traffic, ResidentStatus.Active, true));
        var resident = bot.Chat(806_501);

        await officer.ComposeForWardAsync("Nhắc nhở: đội mũ bảo hiểm khi đi xe máy, kể cả quãng đường ngắn.", "An toàn giao thông");
        await officer.RepeatAsync("Hằng ngày");
        await officer.Sees("gõ giờ gửi");
        var first = LocalTime.ToLocal(DateTime.UtcNow).AddHours(1);
        officer.Says(first.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        var preview = await officer.ConfirmAsync("đội mũ bảo hiểm");
        Assert.Contains("lặp lại Hằng ngày", preview.Text, StringComparison.Ordinal);
        await officer.Sees("Đã hẹn gửi tin #1");

        bot.Clock.Advance(TimeSpan.FromHours(1));
        await resident.Sees("đội mũ bảo hiểm");
        await officer.Sees("Đang gửi tin #2");
        await officer.Sees("Đã gửi xong tin #2");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await resident.Sees("đội mũ bảo hiểm");
        await officer.Sees("Đang gửi tin #3");
        await officer.Sees("Đã gửi xong tin #3");

        officer.Says("/broadcasts");
        await officer.Sees("Tin đang hẹn, tạm dừng hoặc đang gửi");
        officer.Taps("#1 · 🔁");
        await officer.Sees("Lặp lại: Hằng ngày");
        officer.Taps("Huỷ tin");
        await officer.Sees("Đã huỷ tin #1");
        bot.Clock.Advance(TimeSpan.FromDays(1));
        await resident.SeesNothingFor(TimeSpan.FromSeconds(1.5));
    }
}
