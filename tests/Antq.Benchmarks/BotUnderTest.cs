using Antq.Bot.Hosting;
using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Inbox;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Benchmarks;

/// <summary>
/// The real host (<see cref="AntqHost.Build"/>) on a fresh SQLite file (or PostgreSQL database, <see cref="BenchDatabase"/>), polling the in-process fake Bot API,
/// with Telegram's rate limits raised so that the bot itself is what gets measured. With <c>--instances</c>
/// (<see cref="BenchInstances"/>) it is several hosts in this process on the one PostgreSQL database, as a cluster runs,
/// all talking to the one fake; in webhook mode the updates are posted to them (<see cref="WebhookFeed"/>).
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _directory;

    private BotUnderTest(FakeBotApi fake, IReadOnlyList<WebApplication> instances, WebhookFeed? webhook, string directory)
    {
        Fake = fake;
        Instances = instances;
        Webhook = webhook;
        _directory = directory;
    }

    public FakeBotApi Fake { get; }

    /// <summary>The first instance: the one the benchmarks seed, tick and read through (they all share the database).</summary>
    public WebApplication App => Instances[0];

    /// <summary>Every instance of the service, the first included.</summary>
    public IReadOnlyList<WebApplication> Instances { get; }

    /// <summary>Posts updates to the instances' webhooks; null when they poll.</summary>
    public WebhookFeed? Webhook { get; }

    public AreaTree Areas => App.Services.GetRequiredService<AreaTree>();

    /// <summary>The SQLite file the host uses.</summary>
    public string DatabasePath => Path.Combine(_directory, "antq.db");

    /// <summary>
    /// Starts the host (<paramref name="instances"/> of them on one database, PostgreSQL only); <paramref name="overrides"/>
    /// replace or add configuration keys (e.g. the real <c>Telegram:RateLimit:PerSecond</c> of 30), and
    /// <paramref name="configureFake"/> sets the fake up before the bot first calls it. <paramref name="webhook"/>: the
    /// instances take updates at their webhook instead of polling.
    /// </summary>
    public static async Task<BotUnderTest> StartAsync(
        IReadOnlyDictionary<string, string?>? overrides = null, Action<FakeBotApi>? configureFake = null, int instances = 1, bool webhook = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "antq-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var fake = await FakeBotApi.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = BenchDatabase.Provider.ToString(),
            ["ConnectionStrings:Antq"] = await BenchDatabase.NewAsync(directory),
            ["Telegram:BotToken"] = fake.Token,
            ["Telegram:ApiBaseUrl"] = fake.BaseUrl,
            ["Telegram:Mode"] = "Polling",
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:RateLimit:PerSecond"] = "100000",
            ["Telegram:RateLimit:PerChatPerSecond"] = "1000",
            ["Telegram:RateLimit:PerChatBurst"] = "100",
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Antq"] = "Warning",
        };
        if (webhook)
        {
            settings["Telegram:Mode"] = "Webhook";
            settings["Telegram:WebhookUrl"] = WebhookFeed.Url;
            settings["Telegram:WebhookSecret"] = WebhookFeed.Secret;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        configureFake?.Invoke(fake);

        var apps = new List<WebApplication>();
        for (var i = 0; i < instances; i++)
        {
            // Each instance has a folder of its own for web chat uploads, as on machines of their own.
            var own = new Dictionary<string, string?>(settings) { ["WebChat:UploadsFolder"] = Path.Combine(directory, "uploads-" + i) };
            var app = AntqHost.Build([], builder => builder.Configuration.AddInMemoryCollection(own));
            await app.StartAsync();
            apps.Add(app);
        }

        // Ready once every instance finished its start-up set-up (it registers the webhook, or deletes it before polling)
        // and, polling, the leader's first getUpdates has arrived.
        var setUp = webhook ? "setWebhook" : "deleteWebhook";
        await fake.WaitForCallAsync(_ => fake.CallsTo(setUp).Count >= instances, TimeSpan.FromSeconds(60));
        if (!webhook)
        {
            await fake.WaitForCallAsync("getUpdates", TimeSpan.FromSeconds(30));
        }

        var feed = webhook ? new WebhookFeed([.. apps.Select(a => new Uri(a.Urls.First()))]) : null;
        return new BotUnderTest(fake, apps, feed, directory);
    }

    /// <summary>The instances' write gates' held time (on PostgreSQL, summed over each instance's writer lanes).</summary>
    public double GateHeldSeconds => Instances.Sum(i => i.Services.GetRequiredService<WriteGate>().HeldSeconds);

    /// <summary>Where the instances' writers spent their time, summed over the instances.</summary>
    public WriterBreakdown WriterBreakdown()
    {
        var all = Instances.Select(i => i.Services.GetRequiredService<GroupWriter>().Breakdown()).ToList();
        var units = all.SelectMany(b => b.Units).GroupBy(u => u.Origin).Select(g => new WriterUnitTime(g.Key, g.Sum(u => u.Count), g.Sum(u => u.Seconds))).ToList();
        return new WriterBreakdown(units, all.Sum(b => b.Commits), all.Sum(b => b.CommitSeconds));
    }

    public async Task<List<InboxUpdate>> InboxAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AntqDb>>().CreateDbContextAsync();
        return await db.Inbox.AsNoTracking().ToListAsync();
    }

    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<AntqDb>>().CreateDbContextAsync();
        return await db.Outbox.AsNoTracking().ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The later instances first, as in the tests: the first holds what they share.
            foreach (var app in Instances.Reverse())
            {
                await app.StopAsync();
            }
        }
        finally
        {
            Webhook?.Dispose();
            foreach (var app in Instances.Reverse())
            {
                await app.DisposeAsync();
            }

            await Fake.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }
}
