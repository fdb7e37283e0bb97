using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>
/// The chat page in a real browser: Debian's headless Chromium (installed by .ci/run) driven by Playwright.
/// Playwright never downloads a browser here.
/// </summary>
public sealed class WebChatBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Where the screenshot goes: the test output folder (docs/webchat.png in the README is a copy of it).</summary>
    public static string ScreenshotFile => Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat.png");

    [Fact]
    public async Task A_visitor_signs_up_by_clicking_buttons_on_a_phone_sized_page_and_sees_the_main_menu()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does) to run the browser tests.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 760 }, Locale = "vi-VN", IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => problems.AddRange(message.Type == "error" ? [message.Text] : []);
        page.PageError += (_, error) => problems.Add(error);

        await page.GotoAsync(bot.BaseAddress.ToString());

        Assert.EndsWith("/chat", page.Url, StringComparison.Ordinal);
        var log = page.Locator("#log");
        await Expect(log).ToContainTextAsync("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        await Tap(page, "Tiếng Việt");
        await Expect(log).ToContainTextAsync("Bạn có đồng ý không?");
        await Tap(page, "✅ Tôi đồng ý");
        await Expect(log).ToContainTextAsync("Bạn đang sống ở phường, xã nào");
        await Tap(page, "Phường Hoàng Văn Thụ");
        await Expect(log).ToContainTextAsync("(trang 1/2)");
        await Tap(page, "Trang sau ›");
        await Expect(log).ToContainTextAsync("(trang 2/2)");
        await Expect(log.GetByText("(trang 1/2)")).ToHaveCountAsync(0); // the same bubble, turned to the next page
        await Tap(page, "Khối 14");
        await Expect(log).ToContainTextAsync("Bạn muốn nhận tin về những nội dung nào?");
        await Tap(page, "⬜ An toàn giao thông");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "✅ An toàn giao thông", Exact = true })).ToBeVisibleAsync();
        await Tap(page, "⬜ Phòng cháy, chữa cháy");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "✅ Phòng cháy, chữa cháy", Exact = true })).ToBeVisibleAsync();
        await Tap(page, "Xong ✓");
        await Expect(log).ToContainTextAsync("Đăng ký xong"); // with the main menu on it
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "📝 Gửi tin báo cho công an" })).ToBeVisibleAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotFile)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotFile });


        // Markup a visitor types stays text: shown as typed, never run.
        const string typed = "<b>chào</b><img src=x onerror=\"window.injected=1\">";
        await page.Locator("#text").FillAsync(typed);
        await page.Locator("#send").ClickAsync();
        await Expect(page.Locator(".msg.me").Last).ToHaveTextAsync(typed);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        Assert.Equal(0, await page.Locator("#log img, #log b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));

        // The page's own words switch to English; the bot keeps the language chosen in the conversation.
        await Expect(page.Locator("#send")).ToHaveTextAsync("Gửi");
        await page.Locator("#language").ClickAsync();
        await Expect(page.Locator("#send")).ToHaveTextAsync("Send");
        await Expect(page.Locator("#text")).ToHaveAttributeAsync("placeholder", "Type a message…");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));

        // A reload shows the same conversation: the Q&A's answer is still the last thing the bot said.
        await page.ReloadAsync();
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        await Expect(page.Locator(".msg.me").Last).ToHaveTextAsync(typed);
        await Expect(page.Locator("#send")).ToHaveTextAsync("Send");

        // A photo delivered to the visitor (as an officer's reply or a broadcast would be) shows in its bubble.
        await bot.QueryAsync(async db =>
        {
            var visitor = await db.Residents.Where(r => r.Channel == "webchat").Select(r => r.ChatId).SingleAsync();
            var now = DateTime.UtcNow;
            var photo = new OutgoingMessage { Text = "Ảnh hiện trường do cán bộ gửi", Media = new MediaRef(AttachmentKind.Photo, "", "hien-truong.png", Png) };
            db.Outbox.Add(new OutboxMessage { Channel = "webchat", ChatId = visitor, Payload = OutboxWriter.Payload(photo), Status = DeliveryStatus.Sent, CreatedAt = now, NotBefore = now, SentAt = now });
            return await db.SaveChangesAsync();
        });
        await page.ReloadAsync();
        var shown = page.Locator(".msg.bot").Last;
        await Expect(shown).ToContainTextAsync("Ảnh hiện trường do cán bộ gửi");
        await Expect(shown.Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/chat/media/[0-9]+$"));
        Assert.True(await shown.Locator("img").EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth === 1)"));
        Assert.Empty(problems);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static Task Tap(IPage page, string label) =>
        page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
}
