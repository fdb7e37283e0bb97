using Antq.Bot.Tests.Channels.WebChat;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The console on a phone: its buttons can be pressed and no page is wider than the screen.</summary>
public sealed partial class ConsoleBrowserTests
{
    private static readonly ViewportSize PhoneScreen = new() { Width = 390, Height = 844 };

    [Fact]
    public async Task On_a_phone_an_officer_fills_the_compose_form_and_reaches_the_preview_by_pressing_its_button()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await using var browser = await WebChatBrowser.OpenAsync(bot, PhoneScreen);
        var page = browser.Page;
        await SignInAsync(page, await officer.AsksForLinkAsync());
        const string text = "Từ 1/12, đường Trần Đăng Ninh cấm xe tải từ 6 giờ đến 20 giờ.";

        await page.GotoAsync(new Uri(bot.BaseAddress, "/console/broadcasts").ToString());
        await page.GetByLabel("Nội dung tin").FillAsync(text);
        await page.GetByLabel("Chủ đề").SelectOptionAsync(new SelectOptionValue { Label = "An toàn giao thông" });

        // A plain press, as a thumb makes it: Playwright refuses it while anything else would take the tap.
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync(new() { Timeout = 5000 });

        await Expect(page.Locator(".bubble")).ToHaveTextAsync(text);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneScreen.Width, "the page is no wider than the phone");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task On_a_phone_no_console_page_is_wider_than_the_screen()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_981, officer, "Có nhóm thanh niên đua xe máy ở đường ven sông mỗi tối sau 22 giờ, rất nguy hiểm.");
        await ConsoleQuestionsTests.AsksAsync(bot, 701_982, "Nhà tôi muốn nuôi chó thì có phải đăng ký ở phường không ạ?", officer);

        // An admin sees every page, each with the city's wards in its lists.
        var admin = await Tips.TipJourneys.OfficerAsync(bot, 881_983, "Thiếu tá Lan", OfficerRole.Admin, null);
        await using var browser = await WebChatBrowser.OpenAsync(bot, PhoneScreen);
        var page = browser.Page;
        await SignInAsync(page, await admin.AsksForLinkAsync());

        var wide = new List<string>();
        foreach (var path in new[]
        {
            "/console", "/console/tips/" + code, "/console/broadcasts", "/console/events", "/console/pledges", "/console/report",
            "/console/questions", "/console/admin/officers", "/console/admin/audit", "/console/admin/status",
        })
        {
            await page.GotoAsync(new Uri(bot.BaseAddress, path).ToString());

            // Folded parts (the queue's filters) are opened, so that what they hold is measured too.
            var width = await page.EvaluateAsync<int>("() => { document.querySelectorAll('details').forEach(d => d.open = true); return document.documentElement.scrollWidth; }");
            wide.AddRange(width > PhoneScreen.Width ? [$"{path} is {width} px wide"] : []);
        }

        Assert.True(wide.Count == 0, string.Join("\n", wide));
        Assert.Empty(browser.Problems);
    }
}
