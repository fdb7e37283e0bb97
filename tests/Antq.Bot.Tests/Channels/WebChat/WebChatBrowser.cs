using Antq.Testing;
using Microsoft.Playwright;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>
/// The chat page in a real browser: Debian's headless Chromium (installed by .ci/run) driven by Playwright, against
/// the real host. Playwright never downloads a browser here.
/// </summary>
internal sealed class WebChatBrowser : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private WebChatBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        page.Console += (_, message) => Problems.AddRange(message.Type == "error" ? [message.Text] : []);
        page.PageError += (_, error) => Problems.Add(error);
    }

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 760 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Script errors and console errors of the page: a test ends with none.</summary>
    public List<string> Problems { get; } = [];

    public ILocator Log => Page.Locator("#log");

    /// <summary>A phone-sized (or <paramref name="viewport"/>-sized) browser; <paramref name="visitor"/>'s cookie makes it that visitor.</summary>
    public static async Task<WebChatBrowser> OpenAsync(TestBot bot, ViewportSize? viewport = null, WebChatScript? visitor = null, string? timezone = null, bool bypassCsp = false)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does) to run the browser tests.");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var phone = viewport is null || viewport.Width < 600;
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = viewport ?? Phone, Locale = "vi-VN", IsMobile = phone, HasTouch = phone, TimezoneId = timezone, BypassCSP = bypassCsp,
            Permissions = ["clipboard-read", "clipboard-write"],
        });
        if (visitor is not null)
        {
            var cookies = visitor.Cookies.GetAllCookies().Cast<System.Net.Cookie>()
                .Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Url = new Uri(bot.BaseAddress, c.Path).ToString() });
            await context.AddCookiesAsync(cookies);
        }

        return new WebChatBrowser(playwright, browser, context, await context.NewPageAsync());
    }

    public async Task GotoAsync(TestBot bot) => await Page.GotoAsync(new Uri(bot.BaseAddress, "/chat").ToString());

    /// <summary>Presses a button of the bot's newest message.</summary>
    public Task Tap(string label) =>
        Page.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
