using System.Net;
using System.Text;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Storage;

/// <summary>
/// A kill of the service on PostgreSQL: what it had taken in and committed is not lost. (Not named *RestartTests: it
/// measures no time, and the timing filter leaves those out of a run on a loaded machine.)
/// </summary>
public sealed class PostgresCrashTests
{
    private const string Secret = "pg-restart_Secret-1";
    private const int Chats = 20;

    [Fact]
    public async Task Every_update_answered_200_before_a_crash_on_postgres_gets_its_reply_after_the_restart()
    {
        await using var bot = await TestBot.StartOnPostgresAsync(s =>
        {
            s["Telegram:Mode"] = "Webhook";
            s["Telegram:WebhookUrl"] = "https://antq.example.vn/telegram/webhook";
            s["Telegram:WebhookSecret"] = Secret;
        });
        await bot.Api.WaitForCallAsync("setWebhook", ChatScript.Patience);

        // Replies freeze on their way out, so the crash finds work taken in but not yet done.
        bot.Api.HoldMessages();
        var chats = Enumerable.Range(951_001, Chats).Select(i => (long)i).ToList();
        using (var http = new HttpClient { BaseAddress = bot.BaseAddress })
        {
            foreach (var chat in chats)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(UpdateFactory.Text(bot.NextUpdateId(), chat, "/start"), Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                using var response = await http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        await bot.Api.WaitForCallAsync(_ => bot.Api.HeldCount > 0, ChatScript.Patience);
        await bot.CrashAsync(bot.Api.DropHeld);
        var undone = await bot.QueryAsync(async db =>
            await db.Inbox.CountAsync(i => i.HandledAt == null) + await db.Outbox.CountAsync(o => o.Status != DeliveryStatus.Sent));
        Assert.True(undone > 0, "the crash left updates to handle or replies to send");

        await bot.RestartAsync();

        foreach (var chat in chats)
        {
            await bot.Chat(chat).Sees("ngôn ngữ");
        }

        Assert.Equal(Chats, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.HandledAt != null)));
    }
}
