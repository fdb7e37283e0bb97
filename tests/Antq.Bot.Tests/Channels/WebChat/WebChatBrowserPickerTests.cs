using System.Globalization;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The date pickers as the real flows ask for them: an event's start for an officer, a tip's day for a resident.</summary>
public sealed class WebChatBrowserPickerTests
{
    [Fact]
    public async Task An_officer_on_the_web_chat_picks_an_events_start_and_the_event_is_stored_at_that_time()
    {
        await using var bot = await TestBot.StartAsync(s => (s["Telegram:BotToken"], s["WebChat:RateLimit:PerVisitorPerMinute"]) = ("", "600"));
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        var (code, _) = await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).InviteAsync(OfficerRole.Officer, "chi-lang", CancellationToken.None));
        var newest = page.Locator(".msg.bot").Last;

        await TypeAsync(page, $"/join {code} Trung úy Hà");
        await Expect(browser.Log).ToContainTextAsync("Chào đồng chí Trung úy Hà!");
        await TypeAsync(page, "/event");
        await Expect(newest).ToContainTextAsync("Tạo sự kiện");
        await TypeAsync(page, "Ngày hội Toàn dân bảo vệ ANTQ");
        await Expect(newest).ToContainTextAsync("nội dung, chương trình");
        await TypeAsync(page, "Văn nghệ, trao giấy khen, ký cam kết an toàn.");
        await Expect(newest).ToContainTextAsync("tổ chức ở đâu?");
        await TypeAsync(page, "Nhà văn hoá khối 2");
        await Expect(newest).ToContainTextAsync("Bắt đầu lúc nào?");

        var asked = page.Locator(".msg.bot", new() { HasText = "Bắt đầu lúc nào?" });
        var picker = asked.GetByLabel("Chọn ngày giờ");
        await Expect(picker).ToHaveAttributeAsync("type", "datetime-local");
        var day = DateOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow)).AddDays(14);
        await picker.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T07:30");
        await asked.GetByRole(AriaRole.Button, new() { Name = "Gửi thời gian này" }).ClickAsync();
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync(day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 07:30");
        await Expect(newest).ToContainTextAsync("Kết thúc lúc nào?");
        await Expect(picker).ToBeDisabledAsync(); // the start is behind us: only the end's picker works
        await Expect(newest.GetByLabel("Chọn ngày giờ")).ToBeEnabledAsync();

        await TypeAsync(page, "11h"); // typing still works beside the picker
        await Expect(newest).ToContainTextAsync("Nhắc người tham gia trước bao lâu?");
        await newest.GetByRole(AriaRole.Button, new() { Name = "Xong" }).ClickAsync();
        await Expect(newest).ToContainTextAsync("07:30–11:00 ngày " + day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await newest.GetByRole(AriaRole.Button, new() { Name = "Tạo và thông báo" }).ClickAsync();
        await Expect(newest).ToContainTextAsync("Đã tạo sự kiện #1");

        var stored = await bot.QueryAsync(db => db.Events.AsNoTracking().SingleAsync());
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(7, 30)), LocalTime.Zone);
        Assert.Equal((start, start.AddHours(3.5)), (stored.StartsAt, stored.EndsAt));
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task A_tips_date_question_offers_a_date_picker_up_to_today_and_the_picked_day_goes_into_the_tip()
    {
        await using var bot = await TestBot.StartAsync(s => (s["Telegram:BotToken"], s["WebChat:RateLimit:PerVisitorPerMinute"]) = ("", "600"));
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.Says("/tip");
        await visitor.Sees("Tin của bạn về việc gì?");
        await visitor.Taps("Trộm cắp");
        await visitor.Sees("xảy ra ở đâu?");
        await visitor.Taps("nơi tôi ở");
        await visitor.Sees("xảy ra khi nào?");
        await visitor.Taps("Trước hôm nay");
        await visitor.Sees("Việc xảy ra ngày nào?");
        await using var browser = await WebChatBrowser.OpenAsync(bot, visitor: visitor);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        var newest = page.Locator(".msg.bot").Last;
        await Expect(newest).ToContainTextAsync("Việc xảy ra ngày nào?");

        var asked = page.Locator(".msg.bot", new() { HasText = "Việc xảy ra ngày nào?" });
        var picker = asked.GetByLabel("Chọn ngày", new() { Exact = true });
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow));
        await Expect(picker).ToHaveAttributeAsync("type", "date");
        await Expect(picker).ToHaveAttributeAsync("max", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

        // A day to come is out of the picker's range: the browser holds it back.
        await picker.FillAsync(today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.True(await picker.EvaluateAsync<bool>("e => e.validity.rangeOverflow"));

        var day = today.AddDays(-3);
        var spoken = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        await picker.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var post = await page.RunAndWaitForRequestAsync(
            () => asked.GetByRole(AriaRole.Button, new() { Name = "Gửi ngày này" }).ClickAsync(),
            r => r.Url.EndsWith("/chat/messages", StringComparison.Ordinal) && r.Method == "POST");
        Assert.Equal(spoken, post.PostDataJSON()!.Value.GetProperty("text").GetString());
        await Expect(newest).ToContainTextAsync("Bạn mô tả sự việc");
        await Expect(picker).ToBeDisabledAsync();

        await TypeAsync(page, "Mất xe máy Wave màu đỏ để trước cổng nhà văn hoá khối 2.");
        await Expect(newest).ToContainTextAsync("Bạn có ảnh");
        await newest.GetByRole(AriaRole.Button, new() { Name = "Không có tệp" }).ClickAsync();
        await Expect(newest).ToContainTextAsync("ẩn danh");
        await newest.GetByRole(AriaRole.Button, new() { Name = "Gửi ẩn danh" }).ClickAsync();
        await Expect(newest).ToContainTextAsync("Thời gian: " + spoken);
        Assert.Empty(browser.Problems);
    }

    /// <summary>Types into the chat's box and presses Gửi (Enter starts a new line where a description is asked).</summary>
    private static async Task TypeAsync(IPage page, string text)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator("#send").ClickAsync();
    }
}
