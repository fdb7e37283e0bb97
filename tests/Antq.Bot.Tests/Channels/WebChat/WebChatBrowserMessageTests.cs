using System.Globalization;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The bot's messages in the browser as a chat shows them: times, codes to copy, numbers to call, urgency, the input they ask for.</summary>
public sealed class WebChatBrowserMessageTests
{
    [Fact]
    public async Task Messages_show_Vietnam_time_tracking_codes_stay_whole_with_a_copy_button_and_phone_numbers_can_be_tapped()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");

        // A device set to London's time still shows the chat's times as they are in Vietnam.
        await using var browser = await WebChatBrowser.OpenAsync(bot, timezone: "Europe/London");
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        await Expect(page.Locator(".msg.bot .at").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-2][0-9]:[0-5][0-9]$"));

        var sentAt = new DateTime(2026, 1, 15, 0, 30, 0, DateTimeKind.Utc); // 07:30 in Hà Nội
        await DeliverAsync(bot, new OutgoingMessage { Text = "✅ Đã gửi tin báo.\n\nMã theo dõi: K7QM-3XPA\nGọi công an phường: 0205 3870 100, khẩn cấp gọi 113." }, sentAt);
        await page.ReloadAsync();

        var message = page.Locator(".msg.bot").Last;
        await Expect(message.Locator(".at")).ToHaveTextAsync("15/01 07:30");
        await Expect(message.Locator("time")).ToHaveAttributeAsync("datetime", "2026-01-15T00:30:00.000Z");
        await Expect(message.Locator(".code")).ToHaveTextAsync("K7QM-3XPA");
        Assert.Equal("nowrap", await message.Locator(".tracking").EvaluateAsync<string>("e => getComputedStyle(e).whiteSpace"));
        var code = await message.Locator(".code").BoundingBoxAsync();
        Assert.True(code!.Height < 30, "the code is on one line");
        await Expect(message.GetByRole(AriaRole.Link, new() { Name = "Gọi 0205 3870 100" })).ToHaveAttributeAsync("href", "tel:02053870100");
        await Expect(message.GetByRole(AriaRole.Link, new() { Name = "Gọi 113" })).ToHaveAttributeAsync("href", "tel:113");

        await message.GetByRole(AriaRole.Button, new() { Name = "Sao chép mã K7QM-3XPA" }).ClickAsync();
        await Expect(message.Locator(".copy")).ToHaveTextAsync("Đã chép ✓");
        Assert.Equal("K7QM-3XPA", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        // So narrow that the line must break: the code moves whole to the next line.
        await page.SetViewportSizeAsync(200, 700);
        Assert.True((await message.Locator(".code").BoundingBoxAsync())!.Height < 30, "the code is on one line on a narrow screen too");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task An_urgent_broadcast_is_marked_urgent_and_an_ordinary_one_is_not()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");

        await DeliverAsync(bot, new OutgoingMessage { Text = "Lịch sinh hoạt khu phố tháng này." }, DateTime.UtcNow, BroadcastTopic.Traffic);
        await DeliverAsync(bot, new OutgoingMessage { Text = "Cảnh báo: lũ đang lên ở bờ sông, tránh xa khu vực." }, DateTime.UtcNow, BroadcastTopic.Urgent);
        await page.ReloadAsync();

        var urgent = page.Locator(".msg.bot").Last;
        await Expect(urgent).ToContainTextAsync("lũ đang lên");
        await Expect(urgent).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("\\burgent\\b"));
        await Expect(urgent.Locator(".badge")).ToHaveTextAsync("⚠ KHẨN CẤP");
        await Expect(urgent.Locator(".sr").First).ToHaveTextAsync("Tin khẩn: ");
        var ordinary = page.Locator(".msg.bot", new() { HasText = "Lịch sinh hoạt" });
        await Expect(ordinary.Locator(".badge")).ToHaveCountAsync(0);
        await Expect(ordinary.Locator(".sr").First).ToHaveTextAsync("Bot trả lời: ");
        Assert.Empty(browser.Problems);
    }

    [Fact]
    public async Task A_date_question_offers_a_picker_and_a_description_question_a_box_where_Enter_starts_a_new_line()
    {
        await using var bot = await TestBot.StartAsync(s => s["Telegram:BotToken"] = "");
        await using var browser = await WebChatBrowser.OpenAsync(bot);
        var page = browser.Page;
        await browser.GotoAsync(bot);
        await Expect(browser.Log).ToContainTextAsync("ngôn ngữ nào?");
        var input = page.Locator("#text");

        var answers = page.Locator(".msg.bot");

        // An ordinary question: Enter sends, Shift+Enter starts a new line.
        var before = await answers.CountAsync();
        await input.FillAsync("một");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("hai");
        Assert.Equal("một\nhai", await input.InputValueAsync());
        await input.PressAsync("Enter");
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync("một\nhai");
        await Expect(input).ToHaveValueAsync("");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.msg.bot').length > n", before);

        await DeliverAsync(bot, new OutgoingMessage { Text = "Sự kiện bắt đầu lúc nào?", Expects = ExpectedInput.DateTime }, DateTime.UtcNow);
        await page.ReloadAsync();
        var asked = page.Locator(".msg.bot", new() { HasText = "Sự kiện bắt đầu lúc nào?" });
        var picker = asked.GetByLabel("Chọn ngày giờ");
        await Expect(picker).ToHaveAttributeAsync("type", "datetime-local");
        var day = DateTime.UtcNow.AddHours(7).AddDays(14);
        var spoken = day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " 07:30";
        await picker.FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T07:30");
        before = await answers.CountAsync();
        var post = await page.RunAndWaitForRequestAsync(
            () => asked.GetByRole(AriaRole.Button, new() { Name = "Gửi thời gian này" }).ClickAsync(),
            r => r.Url.EndsWith("/chat/messages", StringComparison.Ordinal) && r.Method == "POST");
        Assert.Equal(spoken, post.PostDataJSON()!.Value.GetProperty("text").GetString());
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync(spoken);
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.msg.bot').length > n", before);

        await DeliverAsync(bot, new OutgoingMessage { Text = "Bạn mô tả sự việc.", Expects = ExpectedInput.LongText }, DateTime.UtcNow);
        await page.ReloadAsync();
        await Expect(input).ToHaveAttributeAsync("rows", "4");
        await Expect(picker).ToBeDisabledAsync(); // the date question is behind us
        await input.FillAsync("Dòng một");
        await input.PressAsync("Enter");
        await input.PressSequentiallyAsync("Dòng hai");
        Assert.Equal("Dòng một\nDòng hai", await input.InputValueAsync());
        await page.Locator("#send").ClickAsync();
        await Expect(page.Locator(".msg.me .body").Last).ToHaveTextAsync("Dòng một\nDòng hai");
        Assert.Empty(browser.Problems);
    }

    /// <summary>A message delivered to the only web chat visitor (as if sent at <paramref name="at"/>), optionally as a broadcast on <paramref name="topic"/>.</summary>
    internal static async Task DeliverAsync(TestBot bot, OutgoingMessage message, DateTime at, BroadcastTopic? topic = null)
    {
        await bot.QueryAsync(async db =>
        {
            var visitor = await db.Outbox.Where(o => o.Channel == "webchat").Select(o => o.ChatId).FirstAsync();
            long? broadcast = null;
            if (topic is { } t)
            {
                var sent = new Broadcast { Text = message.Text, Topic = t, Status = BroadcastStatus.Sending, CreatedAt = at, ScheduledFor = at };
                db.Broadcasts.Add(sent);
                await db.SaveChangesAsync();
                broadcast = sent.Id;
            }

            db.Outbox.Add(new OutboxMessage
            {
                Channel = "webchat", ChatId = visitor, Payload = OutboxWriter.Payload(message), Status = DeliveryStatus.Sent, CreatedAt = at, NotBefore = at, SentAt = at,
                Priority = topic is null ? DeliveryPriority.Reply : DeliveryPriority.Broadcast, BroadcastId = broadcast,
            });
            return await db.SaveChangesAsync();
        });
    }
}
