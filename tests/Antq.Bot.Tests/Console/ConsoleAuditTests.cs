using Antq.Bot.Tests.Tips;
using Antq.Core.Tips;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/admin/audit: one trail of what officers did, in the chat and in the console.</summary>
public sealed class ConsoleAuditTests
{
    [Fact]
    public async Task The_audit_log_shows_an_action_from_the_chat_and_one_from_the_console_and_search_filters_them()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (_, other) = await bot.TipAsync(701_802, officer, "Có người đổ rác thải xây dựng ra bãi đất trống ven sông lúc đêm.");
        var (_, code) = await bot.TipAsync(701_801, officer);

        // In the chat: the ward officer takes the newer tip from its card.
        officer.Taps("Nhận xử lý");
        await officer.Sees("Đã cập nhật tin báo");
        using var admin = await ConsoleAdminOfficersTests.AdminClientAsync(bot);

        // In the console: the admin writes an internal note on it.
        await admin.PostFormAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Note", ("note", "Đã chuyển tổ hình sự xác minh."));

        var all = await admin.GetStringAsync("/console/admin/audit");
        Assert.Contains("data-action=\"TipStatusChanged\"", all, StringComparison.Ordinal);
        Assert.Contains("Trung úy Hà", all, StringComparison.Ordinal);
        Assert.Contains("data-action=\"TipInternalNote\"", all, StringComparison.Ordinal);
        Assert.Contains("Đã chuyển tổ hình sự xác minh.", all, StringComparison.Ordinal);
        Assert.Contains("Thiếu tá Lan", all, StringComparison.Ordinal);
        Assert.Contains(TrackingCode.Display(other), all, StringComparison.Ordinal);

        // An officer's name, diacritics aside, keeps only what that officer did.
        var byAdmin = await admin.GetStringAsync("/console/admin/audit?q=thieu+ta+lan");
        Assert.Contains("data-action=\"TipInternalNote\"", byAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"TipStatusChanged\"", byAdmin, StringComparison.Ordinal);
        Assert.Contains("1 mục", byAdmin, StringComparison.Ordinal);
        var byOfficer = await admin.GetStringAsync("/console/admin/audit?q=Trung+%C3%BAy+H%C3%A0");
        Assert.Contains("data-action=\"TipStatusChanged\"", byOfficer, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"TipInternalNote\"", byOfficer, StringComparison.Ordinal);

        // A tracking code keeps that tip's history only: the other tip is not in it.
        var byCode = await admin.GetStringAsync("/console/admin/audit?q=" + TrackingCode.Display(code));
        Assert.Contains("data-action=\"TipInternalNote\"", byCode, StringComparison.Ordinal);
        Assert.DoesNotContain(TrackingCode.Display(other), byCode, StringComparison.Ordinal);
        var notes = await admin.GetStringAsync("/console/admin/audit?action=TipInternalNote");
        Assert.DoesNotContain("data-action=\"TipStatusChanged\"", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("data-action=\"TipSubmitted\"", notes, StringComparison.Ordinal);
    }
}
