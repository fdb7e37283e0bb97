using System.Diagnostics;
using System.Globalization;
using System.Text;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Storage;

/// <summary>
/// Two service processes in webhook mode on one PostgreSQL and one fake Bot API, one killed with SIGKILL while
/// residents write: no update lost, none handled twice, each chat's updates handled in the order they were stored.
/// </summary>
public sealed class TwoProcessInboxTests
{
    private const string HelpVi = "Các lệnh bạn có thể dùng:";
    private const string HelpEn = "Commands you can use:";
    private const string Secret = "process_Secret-21";
    private const int Chats = 10;
    private const int PerChat = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_instance_killed_under_inbound_load_loses_no_update_and_handles_none_twice_or_out_of_order()
    {
        await using var api = await FakeBotApi.StartAsync();
        var database = await SharedPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Antq"] = database,
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://antq.example.vn/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:RateLimit:PerChatPerSecond"] = "50",
            ["Conversations:MaxUpdatesPerMinute"] = "600",
            ["WebChat:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };

        // One after the other: the first applies the migrations.
        await using var first = await ServiceProcess.StartAsync(settings, Patience);
        await using var second = await ServiceProcess.StartAsync(settings, Patience);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // Each chat writes /help, Vietnamese and English in turn, to one instance and then the other; the first is
        // killed a third of the way in. An update it did not take (refused, cut off) goes to the other, as Telegram
        // retries a webhook behind a balancer.
        var killed = false;
        var posted = 0;
        await Task.WhenAll(Enumerable.Range(0, Chats).Select(async c =>
        {
            for (var i = 0; i < PerChat; i++)
            {
                var update = UpdateFactory.Text(90_000 + (c * PerChat) + i, 926_000 + c, "/help", i % 2 == 0 ? "vi" : "en");
                if (!(i % 2 == 0 && await TryPostAsync(http, first, update)))
                {
                    Assert.True(await TryPostAsync(http, second, update), "the live instance refused an update:\n" + second.Output);
                }

                if (Interlocked.Increment(ref posted) == Chats * PerChat / 3)
                {
                    first.Kill();
                    killed = true;
                }
            }
        }));
        Assert.True(killed);

        // Every update is stored once and handled, by the survivor for what the killed one left.
        await using var db = StorageRegistration.CreateContext(DatabaseProvider.Postgres, database);
        var waited = Stopwatch.StartNew();
        while (await db.Inbox.CountAsync(i => i.HandledAt == null) > 0 || await db.Inbox.CountAsync() < Chats * PerChat)
        {
            Assert.True(waited.Elapsed < Patience, "updates left unhandled:\n" + second.Output);
            await Task.Delay(250);
        }

        Assert.Equal(Chats * PerChat, await db.Inbox.CountAsync());
        Assert.Equal(0, await db.Inbox.CountAsync(i => i.Error != null));

        // One answer written for each update (none handled twice), in the order each chat wrote them.
        var replies = (await db.Outbox.AsNoTracking().Where(o => o.Priority == DeliveryPriority.Reply).OrderBy(o => o.Id).ToListAsync())
            .GroupBy(o => o.ChatId).ToDictionary(g => g.Key, g => g.Select(o => OutboxWriter.Read(o).Text).ToList());
        for (var c = 0; c < Chats; c++)
        {
            var answers = replies[(926_000 + c).ToString(CultureInfo.InvariantCulture)];
            Assert.Equal(
                Enumerable.Range(0, PerChat).Select(i => i % 2 == 0 ? HelpVi : HelpEn),
                answers.Select(a => a.StartsWith(HelpVi, StringComparison.Ordinal) ? HelpVi : a.StartsWith(HelpEn, StringComparison.Ordinal) ? HelpEn : a));
        }
    }

    private static async Task<bool> TryPostAsync(HttpClient http, ServiceProcess instance, string update)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance.BaseAddress, "/telegram/webhook")) { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
