using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.Broadcasts;

/// <summary>A finished broadcast's report adds up to its recipients, whatever became of them.</summary>
public sealed class BroadcastReportTests
{
    [Fact]
    public async Task A_recipient_who_erased_their_data_before_the_broadcast_went_counts_as_left_in_the_report()
    {
        // Quiet hours now: the broadcast waits, and its only recipient erases their data meanwhile.
        var local = TimeOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow));
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = $"{local.AddHours(-1):HH:mm}-{local.AddHours(2):HH:mm}");
        var officer = await bot.OfficerAsync(806_701, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var resident = await bot.SignedUpAsync(806_702, "Phường Chi Lăng", "Khối 2", "Tin an ninh, trật tự");

        await officer.ComposeForWardAsync("Tuyên truyền: cảnh giác với cuộc gọi giả danh công an.", "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync("giả danh công an");
        await officer.Sees("Tin #1 (1 người nhận)");

        resident.Says("/delete_me");
        await resident.Sees("Bạn có chắc");
        resident.Taps("Xoá dữ liệu của tôi");
        await resident.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        await officer.Sees("Đã gửi xong tin #1: 0 người nhận được, 0 người đã chặn bot, 0 lỗi, 1 người đã rời đi (trên tổng 1).");
        await resident.SeesNothingFor(TimeSpan.FromSeconds(0.5));
    }
}
