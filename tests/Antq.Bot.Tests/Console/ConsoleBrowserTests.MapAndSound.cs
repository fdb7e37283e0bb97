using Antq.Bot.Tests.Channels.WebChat;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The map of a shared location and the sound on a new tip, in the browser.</summary>
public sealed partial class ConsoleBrowserTests
{
    [Fact]
    public async Task A_shared_location_shows_on_a_map_whose_tiles_the_page_security_lets_the_browser_load_from_the_citys_tile_server()
    {
        const string tiles = "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png";
        await using var bot = await TestBot.StartAsync(c => c["Console:MapTiles"] = tiles);
        var officer = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_591, officer);
        await bot.QueryAsync(db => db.Tips.Where(t => t.Code == code).ExecuteUpdateAsync(s => s.SetProperty(t => t.Latitude, 21.8537).SetProperty(t => t.Longitude, 106.7612)));

        // The browser asks the tile server only if the page's Content-Security-Policy lets it (it is enforced here):
        // the test answers those requests itself and counts them.
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        var asked = new List<string>();
        var tile = TestImages.Png(256, 256);
        await browser.Page.RouteAsync("http://127.0.0.1:9/tiles/**", async route =>
        {
            lock (asked)
            {
                asked.Add(new Uri(route.Request.Url).AbsolutePath);
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = tile });
        });
        await SignInAsync(browser.Page, await officer.AsksForLinkAsync());

        await browser.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/tips/" + code).ToString());

        await Expect(browser.Page.GetByRole(AriaRole.Img, new() { Name = "Bản đồ quanh vị trí 21.85370, 106.76120" })).ToBeVisibleAsync();
        int Asked()
        {
            lock (asked)
            {
                return asked.Count;
            }
        }

        for (var waited = 0; Asked() < 9 && waited < 100; waited++)
        {
            await Task.Delay(100);
        }

        lock (asked)
        {
            Assert.True(asked.Count >= 9, $"the browser asked for {asked.Count} tiles");
            Assert.Contains("/tiles/16/52203/28689.png", asked);
        }

        Assert.Empty(browser.Problems);

        // And the page with its map passes the accessibility scan (axe is put in by the test, so without the policy).
        await using var scanning = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop, bypassCsp: true);
        await SignInAsync(scanning.Page, await officer.AsksForLinkAsync());
        await scanning.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/tips/" + code).ToString());
        await ScanAsync(scanning.Page, "tip with a map");
    }

    [Fact]
    public async Task An_officer_who_turns_the_sound_on_hears_a_chime_when_a_new_tip_arrives_and_the_choice_stays_in_the_browser()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        await SignInAsync(browser.Page, await officer.AsksForLinkAsync());
        var sound = browser.Page.GetByRole(AriaRole.Button, new() { Name = "🔔 Âm báo tin mới" });
        await Expect(sound).ToHaveAttributeAsync("aria-pressed", "false");

        // Off: a new tip shows its badge and makes no sound.
        await bot.TipAsync(701_592);
        await Expect(browser.Page.Locator("#live-badge")).ToHaveTextAsync("1 tin báo mới");
        Assert.Null(await sound.GetAttributeAsync("data-chimes"));

        // On: the press itself chimes once (so the officer hears what it will sound like), then each new tip.
        await sound.ClickAsync();
        await Expect(sound).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(sound).ToHaveAttributeAsync("data-chimes", "1");
        await bot.TipAsync(701_593);
        await Expect(browser.Page.Locator("#live-badge")).ToHaveTextAsync("2 tin báo mới");
        await Expect(sound).ToHaveAttributeAsync("data-chimes", "2");

        await browser.Page.ReloadAsync();
        await Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "🔔 Âm báo tin mới" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Empty(browser.Problems);
    }
}
