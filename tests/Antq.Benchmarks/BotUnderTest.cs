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
/// with Telegram's rate limits raised so that the bot itself is what gets measured.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly string _directory;

    private BotUnderTest(FakeBotApi fake, WebApplication app, string directory)
    {
        Fake = fake;
        App = app;
        _directory = directory;
    }

    public FakeBotApi Fake { get; }

    public WebApplication App { get; }

    public AreaTree Areas => App.Services.GetRequiredService<AreaTree>();

    /// <summary>The SQLite file the host uses.</summary>
    public string DatabasePath => Path.Combine(_directory, "antq.db");

    /// <summary>
    /// Starts the host; <paramref name="overrides"/> replace or add configuration keys (e.g. the real
    /// <c>Telegram:RateLimit:PerSecond</c> of 30), and <paramref name="configureFake"/> sets the fake up before the bot
    /// first calls it.
    /// </summary>
    public static async Task<BotUnderTest> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null, Action<FakeBotApi>? configureFake = null)
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
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        configureFake?.Invoke(fake);

        var app = AntqHost.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await app.StartAsync();

        // Ready once the bot's first getUpdates has arrived (start-up set-up done, polling running).
        await fake.WaitForCallAsync("getUpdates", TimeSpan.FromSeconds(30));
        return new BotUnderTest(fake, app, directory);
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
            await App.StopAsync();
        }
        finally
        {
            await App.DisposeAsync();
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
