using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The chat page in a real browser (<see cref="WebChatBrowser"/>): a whole sign-up, as a visitor does it.</summary>
public sealed class WebChatBrowserTests
{
    /// <summary>Where the screenshot goes: the test output folder (docs/webchat.png in the README is a copy of it).</summary>
    public static string ScreenshotFile => Path.Combine(AppContext.BaseDirectory, "artifacts", "webchat.png");

    [Fact]
    public async Task A_visitor_signs_up_by_clicking_buttons_on_a_phone_sized_page_and_sees_the_main_menu()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        var log = browser.Log;

        await page.GotoAsync(bot.BaseAddress.ToString());

        Assert.EndsWith("/chat", page.Url, StringComparison.Ordinal);
        await Expect(log).ToContainTextAsync("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        await browser.Tap("Tiếng Việt");
        await Expect(log).ToContainTextAsync("Bạn có đồng ý không?");
        await browser.Tap("✅ Tôi đồng ý");
        await Expect(log).ToContainTextAsync("Bạn đang sống ở phường, xã nào");
        await browser.Tap("Phường Hoàng Văn Thụ");
        await Expect(log).ToContainTextAsync("(trang 1/2)");
        await browser.Tap("Trang sau ›");
        await Expect(log).ToContainTextAsync("(trang 2/2)");
        await Expect(log.GetByText("(trang 1/2)")).ToHaveCountAsync(0); // the same bubble, turned to the next page
        await browser.Tap("Khối 14");
        await Expect(log).ToContainTextAsync("Bạn muốn nhận tin về những nội dung nào?");

        // Topics are toggles: a drawn box and a pressed state, not an emoji that may be an empty square.
        var traffic = page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "An toàn giao thông", Exact = true });
        await Expect(traffic).ToHaveAttributeAsync("aria-pressed", "false");
        await traffic.ClickAsync();
        await Expect(traffic).ToHaveAttributeAsync("aria-pressed", "true");
        var fire = page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "Phòng cháy, chữa cháy", Exact = true });
        await fire.ClickAsync();
        await Expect(fire).ToHaveAttributeAsync("aria-pressed", "true");
        await browser.Tap("Xong ✓");
        await Expect(log).ToContainTextAsync("Đăng ký xong"); // with the main menu on it
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "📝 Gửi tin báo cho công an" })).ToBeVisibleAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotFile)!);
        await page.ScreenshotAsync(new() { Path = ScreenshotFile });

        // Markup a visitor types stays text: shown as typed, never run.
        const string typed = "<b>chào</b><img src=x onerror=\"window.injected=1\">";
        await page.Locator("#text").FillAsync(typed);
        await page.Locator("#send").ClickAsync();
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync(typed);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        Assert.Equal(0, await page.Locator("#log .body img, #log b").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));

        // A reload shows the same conversation: the Q&A's answer is still the last thing the bot said.
        await page.ReloadAsync();
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync(typed);

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
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Choices_made_with_buttons_read_back_as_the_visitors_own_bubbles_after_a_reload_and_old_keyboards_are_disabled()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        await browser.Tap("Tiếng Việt");
        await Expect(browser.Log).ToContainTextAsync("Bạn có đồng ý không?");

        // The language keyboard is used up once the consent keyboard shows: visibly disabled, not clickable.
        var languages = page.Locator(".msg.bot").First;
        await Expect(languages.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true })).ToBeDisabledAsync();
        await Expect(page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "✅ Tôi đồng ý", Exact = true })).ToBeEnabledAsync();

        await browser.Tap("✅ Tôi đồng ý");
        await Expect(browser.Log).ToContainTextAsync("phường, xã nào");
        await browser.Tap("Phường Hoàng Văn Thụ");
        await Expect(browser.Log).ToContainTextAsync("(trang 1/2)");
        await browser.Tap("Trang sau ›");
        await Expect(browser.Log).ToContainTextAsync("(trang 2/2)");
        await browser.Tap("Khối 14");
        await Expect(browser.Log).ToContainTextAsync("nội dung nào?");
        await page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "An toàn giao thông", Exact = true }).ClickAsync();
        await Expect(page.Locator(".msg.bot").Last.Locator("[aria-pressed=true]")).ToHaveCountAsync(1);

        // A new tab of the same browser: nothing kept in the tab, all from the history; a press that only turned a
        // page or ticked a box is no bubble (the keyboard shows it).
        var mine = new[] { "Tiếng Việt", "✅ Tôi đồng ý", "Phường Hoàng Văn Thụ", "Khối 14" };
        var fresh = await browser.Context.NewPageAsync();
        await fresh.GotoAsync(new Uri(bot.BaseAddress, "/chat").ToString());
        await Expect(fresh.Locator(".msg.me .body")).ToHaveTextAsync(mine);
        var order = await fresh.Locator("#log > .msg").EvaluateAllAsync<string[]>("all => all.map(m => (m.classList.contains('me') ? 'me: ' : 'bot: ') + m.querySelector('.body').textContent)");
        Assert.Equal("me: Tiếng Việt", order[1]);
        Assert.StartsWith("bot: ", order[2], StringComparison.Ordinal);
        await Expect(fresh.Locator(".msg.bot").First.Locator(".buttons button").First).ToBeDisabledAsync();
        await Expect(fresh.Locator(".msg.bot").Last.Locator(".buttons button").First).ToBeEnabledAsync();
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task The_pages_language_switch_switches_the_conversation_too()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, visitor: visitor);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Đăng ký xong");
        await Expect(page.Locator("#send")).ToHaveTextAsync("Gửi");

        await page.Locator("#language").ClickAsync();

        await Expect(page.Locator("#send")).ToHaveTextAsync("Send");
        await Expect(page.Locator("label[for=text]")).ToHaveTextAsync("Message");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(browser.Log).ToContainTextAsync("Switched to English.");
        await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Send a tip to the police"); // the menu, in English, on the answer
        Assert.Equal("en", await bot.QueryAsync(db => db.Residents.Where(r => r.Channel == "webchat").Select(r => r.Language).SingleAsync()));

        await page.Locator("#language").ClickAsync();
        await Expect(browser.Log).ToContainTextAsync("Đã chuyển sang tiếng Việt.");
        Assert.Equal("vi", await bot.QueryAsync(db => db.Residents.Where(r => r.Channel == "webchat").Select(r => r.Language).SingleAsync()));
        Assert.Empty(browser.Problems);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
