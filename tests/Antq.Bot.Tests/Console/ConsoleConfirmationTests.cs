using Antq.Core.Tips;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The notice after an action: the chat's answer, said in the console's language.</summary>
public sealed class ConsoleConfirmationTests
{
    [Fact]
    public async Task An_actions_confirmation_is_in_english_in_the_english_console_and_in_vietnamese_otherwise()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await bot.TipAsync(701_901, officer);
        var display = TrackingCode.Display(code);
        using var english = bot.Client();
        await english.SignInAsync(await officer.AsksForLinkAsync());
        await english.PostFormAsync("/console", "/console?handler=language", ("lang", "en"), ("back", "/console"));

        await english.PostFormAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Take");
        var taken = await english.GetStringAsync("/console/tips/" + code);
        await english.PostFormAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Reply", ("text", "Cảm ơn bạn, chúng tôi đã nhận tin."));
        var replied = await english.GetStringAsync("/console/tips/" + code);

        Assert.Contains($"Tip {display} updated: its status changed.", taken, StringComparison.Ordinal);
        Assert.Contains($"Reply sent to the tipster of {display}.", replied, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã gửi trả lời", replied, StringComparison.Ordinal);
        await resident.Sees("Đang xử lý");
        await resident.Sees("Cảm ơn bạn, chúng tôi đã nhận tin.");
        // Taken in the console, the tip's card in the officer's own chat follows, edited in place.
        await officer.Sees($"Đã cập nhật tin báo {display}: Đang xử lý.");

        using var vietnamese = bot.Client();
        await vietnamese.SignInAsync(await officer.AsksForLinkAsync());
        await vietnamese.PostFormAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Note", ("note", "Ghi chú thử."));
        Assert.Contains($"Đã lưu ghi chú nội bộ vào tin báo {display}.", await vietnamese.GetStringAsync("/console/tips/" + code), StringComparison.Ordinal);
    }
}
