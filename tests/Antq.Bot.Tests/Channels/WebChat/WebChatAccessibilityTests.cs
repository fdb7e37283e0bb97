using Antq.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The page for people who use a screen reader, a keyboard, or a system without an emoji font.</summary>
public sealed class WebChatAccessibilityTests
{
    [Fact]
    public async Task The_page_has_no_serious_or_critical_axe_findings_at_phone_and_desktop_size_with_buttons_showing()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");

        // axe's script is put into the page by the test, which the page's Content-Security-Policy would refuse.
        await using var browser = await WebChatBrowser.OpenAsync(bot, bypassCsp: true);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        await browser.Tap("Tiếng Việt");
        await Expect(browser.Log).ToContainTextAsync("Bạn có đồng ý không?");
        await browser.Tap("✅ Tôi đồng ý");
        await Expect(browser.Log).ToContainTextAsync("phường, xã nào");
        await browser.Tap("Phường Chi Lăng");
        await Expect(browser.Log).ToContainTextAsync("khối, thôn nào");
        await browser.Tap("Khối 2");
        await Expect(browser.Log).ToContainTextAsync("nội dung nào?");
        await page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = "An toàn giao thông", Exact = true }).ClickAsync();
        await Expect(page.Locator(".msg.bot").Last.Locator("[aria-pressed=true]")).ToHaveCountAsync(1);

        foreach (var size in new[] { WebChatBrowser.Phone, WebChatBrowser.Desktop })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe();
            var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(serious.Count == 0, $"axe at {size.Width}x{size.Height}:\n" + string.Join("\n", serious));
        }

        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task Screen_readers_hear_who_speaks_the_input_has_a_label_and_emoji_buttons_carry_words()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        await browser.Tap("Tiếng Việt");
        await Expect(browser.Log).ToContainTextAsync("Bạn có đồng ý không?");

        await Expect(page.GetByLabel("Tin nhắn", new() { Exact = true })).ToHaveIdAsync("text");
        await Expect(page.Locator("#log")).ToHaveAttributeAsync("role", "log");
        await Expect(page.Locator("#log")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.Locator(".msg.bot .sr").First).ToHaveTextAsync("Bot trả lời: ");
        await Expect(page.Locator(".msg.me .sr").First).ToHaveTextAsync("Bạn: ");

        // Words beside 📷 and 📍, seen by all (an emoji font may be missing), and a name for screen readers.
        await Expect(page.Locator("#attach")).ToContainTextAsync("Ảnh");
        await Expect(page.Locator("#locate")).ToContainTextAsync("Vị trí");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Gửi ảnh", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Chia sẻ vị trí", Exact = true })).ToBeVisibleAsync();
        Assert.Empty(browser.Problems);
    }
}
