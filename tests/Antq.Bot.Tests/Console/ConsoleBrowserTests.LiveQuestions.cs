using Antq.Bot.Tests.Channels.WebChat;
using Antq.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>A resident's "ask an officer" question appears in an open console without a reload, as a new tip does.</summary>
public sealed partial class ConsoleBrowserTests
{
    [Fact]
    public async Task A_new_question_appears_on_the_open_questions_page_within_two_seconds_with_a_badge_and_only_in_its_wards_console()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var other = await bot.WardOfficerAsync(881_564, "dong-kinh");
        var (_, earlier) = await ConsoleQuestionsTests.AsksAsync(bot, 701_563, "Trụ sở công an phường làm việc vào những giờ nào trong tuần ạ?", officer);
        await using var browser = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Desktop);
        await SignInAsync(browser.Page, await officer.AsksForLinkAsync());
        await browser.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/questions").ToString());
        await Expect(browser.Page.Locator($"li[data-question='{earlier}']")).ToBeVisibleAsync();
        await using var queue = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Phone);
        await SignInAsync(queue.Page, await officer.AsksForLinkAsync());
        await using var elsewhere = await WebChatBrowser.OpenAsync(bot, WebChatBrowser.Phone);
        await SignInAsync(elsewhere.Page, await other.AsksForLinkAsync());
        await elsewhere.Page.GotoAsync(new Uri(bot.BaseAddress, "/console/questions").ToString());

        var (_, code) = await ConsoleQuestionsTests.AsksAsync(bot, 701_565, "Nhà tôi muốn nuôi chó thì có phải đăng ký ở phường không ạ?", officer);

        // The resident has their tracking code, so the question is stored: from here the console has 2 s.
        var item = browser.Page.Locator($"li[data-question='{code}']");
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(item).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("arrived"));
        await Expect(item).ToContainTextAsync("nuôi chó");
        await Expect(browser.Page.Locator("#live-q-badge")).ToHaveTextAsync("1 câu hỏi mới");
        await Expect(browser.Page.Locator("#live-q-said")).ToHaveTextAsync("1 câu hỏi mới");
        await Expect(browser.Page.Locator("#q-waiting")).ToHaveTextAsync("2 câu hỏi đang chờ trả lời");
        await Expect(browser.Page.Locator("#live-badge")).ToBeHiddenAsync();

        // On the tips queue the question is a badge beside "Câu hỏi", not a new tip.
        await Expect(queue.Page.Locator("#live-q-badge")).ToHaveTextAsync("1 câu hỏi mới");
        await Expect(queue.Page.Locator("#live-badge")).ToBeHiddenAsync();
        await Expect(queue.Page.Locator($"tr[data-tip='{code}']")).ToHaveCountAsync(0);

        // The other ward's console hears nothing of it.
        await Task.Delay(1000);
        await Expect(elsewhere.Page.Locator("#live-q-badge")).ToBeHiddenAsync();
        await Expect(elsewhere.Page.Locator($"li[data-question='{code}']")).ToHaveCountAsync(0);
        Assert.Empty(browser.Problems);
        Assert.Empty(queue.Problems);
        Assert.Empty(elsewhere.Problems);
    }
}
