using Antq.Bot.Hosting;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Antq.Testing;

/// <summary>
/// The real service (AntqHost) on a real SQLite file in a temp folder (or a database of the tests' PostgreSQL server),
/// talking to a <see cref="FakeBotApi"/>.
/// It can be stopped and started again on the same database, like a restart.
/// </summary>
public sealed class TestBot : IAsyncDisposable
{
    /// <summary>How long a stop may take before the test fails for it (the host's own shutdown timeout is 30 s).</summary>
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string?> _settings;
    private long _nextUpdateId = 1000;
    private int _crashes;
    private bool _sharesFakes;
    private WebApplication? _app;

    private TestBot(FakeBotApi api, string folder, Dictionary<string, string?> settings)
    {
        Api = api;
        Folder = folder;
        _settings = settings;
    }

    public FakeBotApi Api { get; }

    /// <summary>The fake Zalo OA API and OAuth server, when the bot was started with <see cref="StartWithZaloAsync"/>.</summary>
    public FakeZaloApi? Zalo { get; private set; }

    public string Folder { get; }

    public ManualClock Clock { get; } = new();

    public string DatabaseFile => Path.Combine(Folder, "antq.db");

    /// <summary>Where the service's HTTP endpoints listen (after start).</summary>
    public Uri BaseAddress => new(_app!.Urls.First());

    public IServiceProvider Services => _app!.Services;

    public CapturedLogs Logs { get; } = new();

    public static async Task<TestBot> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var api = await FakeBotApi.StartAsync();
        var folder = Directory.CreateTempSubdirectory("antq-test-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(folder, "antq.db")}",
            ["Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = api.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Delivery:PollInterval"] = "00:00:00.100",
            ["WebChat:UploadsFolder"] = Path.Combine(folder, "webchat-uploads"),
            ["Console:KeysFolder"] = Path.Combine(folder, "console-keys"),

            // Scripts answer at once; Telegram's 1 a second per chat is tested on its own.
            ["Telegram:RateLimit:PerChatPerSecond"] = "50",

            // Scripts write faster than people (a whole sign-up and tip in a second); the intake limit is tested on its own.
            ["Conversations:MaxUpdatesPerMinute"] = "600",
            ["Logging:LogLevel:Default"] = "Warning",

            // Background clean-ups run when a test says so (RunOnceAsync), not on their own timers.
            ["Tips:DownloadInterval"] = "01:00:00",
            ["Tips:CleanupInterval"] = "01:00:00",
            ["Scheduling:DueMessagesEvery"] = "00:00:00.500",
            ["Delivery:QuietHours"] = "off",
        };
        configure?.Invoke(settings);
        var bot = new TestBot(api, folder, settings);
        await bot.StartHostAsync();
        return bot;
    }

    /// <summary>The bot with its Zalo channel on, pointed at a <see cref="FakeZaloApi"/> (beside the fake Telegram).</summary>
    public static async Task<TestBot> StartWithZaloAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var zalo = await FakeZaloApi.StartAsync();
        try
        {
            var bot = await StartAsync(settings =>
            {
                settings["Zalo:AppId"] = FakeZaloApi.AppId;
                settings["Zalo:SecretKey"] = FakeZaloApi.SecretKey;
                settings["Zalo:OaSecretKey"] = FakeZaloApi.OaSecretKey;
                settings["Zalo:RefreshToken"] = FakeZaloApi.FirstRefreshToken;
                settings["Zalo:ApiBaseUrl"] = zalo.BaseUrl;
                settings["Zalo:OAuthBaseUrl"] = zalo.BaseUrl + "/";
                settings["Zalo:PerUserPerSecond"] = "50";
                configure?.Invoke(settings);
            });
            bot.Zalo = zalo;
            return bot;
        }
        catch
        {
            await zalo.DisposeAsync();
            throw;
        }
    }

    /// <summary>One Zalo user writing to the OA (needs <see cref="StartWithZaloAsync"/>).</summary>
    public ZaloScript ZaloUser(string userId) => new(this, Zalo ?? throw new InvalidOperationException("Start the bot with StartWithZaloAsync."), userId);

    public long NextUpdateId() => Interlocked.Increment(ref _nextUpdateId);

    public ChatScript Chat(long chatId, string languageCode = "vi") => new(this, chatId, languageCode);

    /// <summary>A new browser on the web chat page (a new visitor cookie, so a new resident), optionally behind the proxy.</summary>
    public Task<WebChatScript> WebVisitorAsync(string? forwardedFor = null) => WebChatScript.OpenAsync(BaseAddress, forwardedFor);

    /// <summary>Builds the host as the service does and starts it; throws what start-up throws.</summary>
    public static WebApplication BuildHost(IDictionary<string, string?> settings, TimeProvider? clock = null, ILoggerProvider? logs = null) =>
        AntqHost.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }

            if (logs is not null)
            {
                builder.Logging.AddProvider(logs);
            }
        });

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            // Bounded: a stop that never returns fails its test with a reason instead of holding the whole run.
            using var stopping = new CancellationTokenSource(StopPatience);
            await _app.StopAsync(stopping.Token);
            await _app.DisposeAsync().AsTask().WaitAsync(StopPatience);
            _app = null;
        }
    }

    /// <summary>
    /// Stops the service as a kill would leave it: the database keeps what was committed at this moment (a snapshot
    /// taken while the service runs) and nothing the stop writes afterwards; <paramref name="atCrash"/> runs between the
    /// snapshot and the stop (e.g. to cut off requests on their way). <see cref="RestartAsync"/> starts it again.
    /// </summary>
    public async Task CrashAsync(Action? atCrash = null)
    {
        if (OnPostgres)
        {
            await CrashOnPostgresAsync(atCrash);
            return;
        }

        var snapshot = Path.Combine(Folder, "crash.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO @file";
            command.Parameters.AddWithValue("@file", snapshot);
            await command.ExecuteNonQueryAsync();
        }

        atCrash?.Invoke();
        await StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(DatabaseFile + "-wal");
        File.Delete(DatabaseFile + "-shm");
        File.Move(snapshot, DatabaseFile, overwrite: true);
    }

    /// <summary>
    /// The kill on PostgreSQL, as on SQLite: the database is copied as committed at this moment (its connections cut, so
    /// an open transaction is lost, then <c>CREATE DATABASE … TEMPLATE</c>), the service stops on the original, and the
    /// restart runs on the copy, so nothing the stop writes counts.
    /// </summary>
    private async Task CrashOnPostgresAsync(Action? atCrash)
    {
        var live = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        var snapshot = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = live.Database + "_crash" + Interlocked.Increment(ref _crashes).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        await using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await admin.OpenAsync();
            var quoted = new Npgsql.NpgsqlCommandBuilder();
            await ExecuteAsync(admin, $"ALTER DATABASE {quoted.QuoteIdentifier(live.Database!)} ALLOW_CONNECTIONS false", live.Database!);
            await ExecuteAsync(admin, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", live.Database!);
            await ExecuteAsync(admin, $"CREATE DATABASE {quoted.QuoteIdentifier(snapshot.Database)} TEMPLATE {quoted.QuoteIdentifier(live.Database!)}", live.Database!);
            await ExecuteAsync(admin, $"ALTER DATABASE {quoted.QuoteIdentifier(live.Database!)} ALLOW_CONNECTIONS true", live.Database!);
        }

        atCrash?.Invoke();
        await StopAsync();
        _settings["ConnectionStrings:Antq"] = snapshot.ConnectionString;
    }

    private static async Task ExecuteAsync(Npgsql.NpgsqlConnection connection, string sql, string name)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        if (sql.Contains("@name", StringComparison.Ordinal))
        {
            command.Parameters.AddWithValue("name", name);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartHostAsync();
    }

    /// <summary>A fresh database context on the service's database (its SQLite file, or its PostgreSQL database), for asserting what is stored.</summary>
    public async Task<T> QueryAsync<T>(Func<AntqDb, Task<T>> query)
    {
        await using var db = OnPostgres
            ? StorageRegistration.CreateContext(DatabaseProvider.Postgres, ConnectionString)
            : StorageRegistration.CreateContext(DatabaseProvider.Sqlite, $"Data Source={DatabaseFile}");
        return await query(db);
    }

    /// <summary>The service's connection string: its SQLite file, or its database on the tests' PostgreSQL server.</summary>
    public string ConnectionString => _settings["ConnectionStrings:Antq"]!;

    /// <summary>True when the service runs on the tests' PostgreSQL server (<see cref="StartOnPostgresAsync"/>).</summary>
    public bool OnPostgres => string.Equals(_settings.GetValueOrDefault("Database:Provider"), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The bot on a fresh database of the tests' own PostgreSQL server.</summary>
    public static async Task<TestBot> StartOnPostgresAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var database = await SharedPostgres.CreateDatabaseAsync();
        return await StartAsync(s =>
        {
            s["Database:Provider"] = "Postgres";
            s["ConnectionStrings:Antq"] = database;
            configure?.Invoke(s);
        });
    }

    /// <summary>
    /// A second instance of the service beside <paramref name="first"/>, which must run on PostgreSQL (SQLite allows one
    /// instance); as the instance method of the same name.
    /// </summary>
    public static Task<TestBot> StartBesideAsync(TestBot first, Action<Dictionary<string, string?>>? configure = null) =>
        first.OnPostgres
            ? first.StartBesideAsync(configure)
            : throw new InvalidOperationException("Several instances share a PostgreSQL database: start the first with StartOnPostgresAsync.");

    /// <summary>The bot on <paramref name="provider"/>: a SQLite file of its own or a fresh PostgreSQL database.</summary>
    public static Task<TestBot> StartAsync(DatabaseProvider provider, Action<Dictionary<string, string?>>? configure = null) =>
        provider == DatabaseProvider.Postgres ? StartOnPostgresAsync(configure) : StartAsync(configure);

    /// <summary>
    /// A second instance of the service beside this one, as a cluster runs it: the same database (PostgreSQL; SQLite
    /// allows one instance) and the same fake Bot API and Zalo, with a listener, a folder and a clock of its own.
    /// Disposing it stops only it; the fakes stay with this bot.
    /// </summary>
    public async Task<TestBot> StartBesideAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("antq-test-").FullName;
        var settings = new Dictionary<string, string?>(_settings)
        {
            ["WebChat:UploadsFolder"] = Path.Combine(folder, "webchat-uploads"),
        };
        configure?.Invoke(settings);
        var beside = new TestBot(Api, folder, settings) { Zalo = Zalo, _sharesFakes = true };
        await beside.StartHostAsync();
        return beside;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (!_sharesFakes)
        {
            await Api.DisposeAsync();
        }

        if (Zalo is not null && !_sharesFakes)
        {
            await Zalo.DisposeAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by SQLite's pool; the temp folder is cleaned by the OS.
        }
    }

    private async Task StartHostAsync()
    {
        _app = BuildHost(_settings, Clock, Logs);
        await _app.StartAsync();
    }
}
