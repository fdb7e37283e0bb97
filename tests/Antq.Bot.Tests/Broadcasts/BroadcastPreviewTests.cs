using System.Globalization;
using Antq.Bot.Tests.Tips;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.Broadcasts;

/// <summary>The preview is one message and says when the broadcast will go, before the officer confirms it.</summary>
public sealed class BroadcastPreviewTests
{
    [Fact]
    public async Task The_preview_says_a_broadcast_waits_for_the_end_of_quiet_hours_before_it_is_confirmed()
    {
        var local = LocalTime.ToLocal(DateTime.UtcNow);
        var (start, end) = (TimeOnly.FromDateTime(local).AddHours(-1), TimeOnly.FromDateTime(local).AddHours(2));
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = $"{start:HH:mm}-{end:HH:mm}");
        var officer = await bot.OfficerAsync(806_901, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var window = $"{start:HH:mm}–{end:HH:mm}";

        // Now, not urgent: it says it will start when quiet hours end.
        await officer.ComposeForWardAsync("Tuyên truyền phòng chống lừa đảo qua mạng: không chuyển tiền cho người lạ.", "Tuyên truyền");
        officer.Taps("Gửi ngay");
        var preview = await officer.SeesAll("Xem trước", "Tuyên truyền phòng chống", $"Thời điểm: bắt đầu gửi lúc {end:HH:mm}", $"giờ nghỉ ban đêm ({window})", "Xác nhận gửi?");
        Assert.Contains(preview.Buttons, b => b.Text == "✅ Xác nhận gửi");
        officer.Taps("Huỷ");
        await officer.Sees("Đã huỷ");

        // Scheduled inside quiet hours: the time asked for, and when it will really start.
        var at = local.AddHours(1);
        await officer.ComposeForWardAsync("Thông báo lịch tiêm phòng dại cho chó, mèo tại nhà văn hoá khối 2.", "Tuyên truyền");
        officer.Taps("Hẹn giờ");
        await officer.Sees("gõ ngày giờ gửi");
        officer.Says(at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.SeesAll("Xem trước", $"{at:HH:mm} ngày {at:dd/MM/yyyy} rơi vào giờ nghỉ ban đêm ({window}) nên tin bắt đầu gửi lúc {end:HH:mm}", "Xác nhận gửi?");
        officer.Taps("Huỷ");
        await officer.Sees("Đã huỷ");

        // Urgent: quiet hours do not hold it, and the preview says so.
        await officer.ComposeForWardAsync("Cảnh báo: lũ quét tại suối Phai Luông, không đi qua ngầm tràn.", "Khẩn cấp");
        officer.Taps("Gửi ngay");
        await officer.SeesAll("Xem trước", "Cảnh báo: lũ quét", "Thời điểm: gửi ngay bây giờ", "Xác nhận gửi?");
    }

    [Fact]
    public async Task A_photo_broadcast_is_previewed_as_one_photo_with_the_summary_and_buttons()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(806_902, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Send(UpdateFactory.Photo(bot.NextUpdateId(), officer.Id, "Ảnh đối tượng lừa đảo qua mạng: không chuyển tiền cho người lạ."));
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Tuyên truyền");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");

        var preview = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        var caption = preview.Field("caption") ?? "";
        Assert.Contains("Ảnh đối tượng lừa đảo qua mạng", caption, StringComparison.Ordinal);
        Assert.Contains("Thời điểm: gửi ngay bây giờ", caption, StringComparison.Ordinal);
        Assert.Contains("bc:send", preview.JsonField("reply_markup")?.ToJsonString(), StringComparison.Ordinal);

        // Nothing else was sent for the preview: the next message is the answer to confirming it.
        officer.Send(UpdateFactory.Button(bot.NextUpdateId(), officer.Id, "bc:send"));
        await officer.Sees("Đang gửi tin #1");
        Assert.Single(bot.Api.CallsTo("sendPhoto"), c => c.ChatId == officer.ChatId);
    }
}
