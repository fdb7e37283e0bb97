using Antq.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>Sending from the browser when the network is slow or fails: progress, cancel, retry.</summary>
public sealed class WebChatBrowserSendTests
{
    [Fact]
    public async Task A_photo_upload_shows_its_progress_can_be_cancelled_and_the_sent_photo_is_scrolled_into_view()
    {
        await using var bot = await TestBot.StartAsync(s => (s["Telegram:BotToken"], s["WebChat:RateLimit:PerVisitorPerMinute"]) = ("", "600"));
        var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, visitor: visitor);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Bạn có ảnh nào không?");

        // The first upload hangs (a slow network): its bubble shows how far it got, and it can be cancelled.
        var hold = true;
        await page.RouteAsync("**/chat/photos", route => hold ? Task.CompletedTask : route.ContinueAsync());
        var photo = new FilePayload { Name = "hien-truong.jpg", MimeType = "image/jpeg", Buffer = TestImages.Jpeg(1600, 1200) };
        await page.Locator("#photo").SetInputFilesAsync(photo);
        var uploading = page.Locator(".msg.me").Last;
        await Expect(uploading.Locator("progress")).ToBeVisibleAsync();
        await Expect(uploading.Locator(".percent")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]{1,3}%$"));
        await uploading.GetByRole(AriaRole.Button, new() { Name = "✕ Huỷ" }).ClickAsync();
        await Expect(uploading).ToContainTextAsync("đã huỷ");
        await Expect(uploading.Locator("progress")).ToHaveCountAsync(0);

        // The next one goes through; the page shows the photo, scrolled into view, and the bot counts it (once).
        hold = false;
        await page.Locator("#photo").SetInputFilesAsync(photo);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Đã nhận 1/5 tệp");
        var sent = page.Locator(".msg.me").Last;
        await Expect(sent).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("pending|failed"));
        await Expect(sent.Locator("img")).ToBeInViewportAsync();
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task A_text_that_failed_to_send_keeps_its_words_and_goes_with_a_retry()
    {
        await using var bot = await TestBot.StartAsync(s => (s["Telegram:BotToken"], s["WebChat:RateLimit:PerVisitorPerMinute"]) = ("", "600"));
        var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, visitor: visitor);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Đăng ký xong");
        var answers = await page.Locator(".msg.bot").CountAsync();

        // The network drops the first post.
        var drop = true;
        await page.RouteAsync("**/chat/messages", route => drop && route.Request.Method == "POST" ? route.AbortAsync() : route.ContinueAsync());
        await page.Locator("#text").FillAsync("Giờ làm việc của công an phường?");
        await page.Locator("#text").PressAsync("Enter");
        var failed = page.Locator(".msg.me").Last;
        await Expect(failed).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\bfailed\\b"));
        await Expect(failed.Locator(".body")).ToHaveTextAsync("Giờ làm việc của công an phường?");
        await Expect(failed).ToContainTextAsync("chưa gửi được");
        await Expect(page.Locator("#notice")).ToContainTextAsync("Chưa gửi được");

        drop = false;
        await failed.GetByRole(AriaRole.Button, new() { Name = "↻ Thử lại" }).ClickAsync();
        await Expect(failed).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failed|pending"));
        await Expect(failed.Locator(".state")).ToHaveCountAsync(0);
        await Expect(page.Locator(".msg.bot")).ToHaveCountAsync(answers + 1);
        Assert.DoesNotContain(browser.Problems, p => !p.Contains("net::ERR_FAILED", StringComparison.Ordinal));
    }
}
