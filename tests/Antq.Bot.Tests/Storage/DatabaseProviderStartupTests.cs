using System.Net;
using System.Net.Sockets;
using Antq.Bot.Hosting;
using Antq.Testing;

namespace Antq.Bot.Tests.Storage;

/// <summary>Choosing the database: a wrong provider or an unreachable server stops start-up with a sentence an operator can act on.</summary>
public sealed class DatabaseProviderStartupTests
{
    private static Dictionary<string, string?> Settings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("antq-db-").FullName, "antq.db")}",
            ["Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = "",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static async Task<string?> StartProblemAsync(Dictionary<string, string?> settings)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestBot.BuildHost(settings);
            await app.StartAsync();
            await app.StopAsync();
        });
        Assert.NotNull(error);
        return AntqHost.StartupProblem(error) ?? error.ToString();
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_naming_the_setting_and_the_choices()
    {
        var problem = await StartProblemAsync(Settings(("Database:Provider", "Oracle")));

        Assert.NotNull(problem);
        Assert.Contains("Database:Provider 'Oracle'", problem, StringComparison.Ordinal);
        Assert.Contains("Postgres", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_before_anything_starts()
    {
        var problem = await StartProblemAsync(Settings(("Database:Provider", "Postgres"), ("ConnectionStrings:Antq", "")));

        Assert.NotNull(problem);
        Assert.Contains("ConnectionStrings:Antq is empty", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_postgres_server_stops_start_up_without_showing_the_password()
    {
        int closed;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closed = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var problem = await StartProblemAsync(Settings(
            ("Database:Provider", "Postgres"),
            ("ConnectionStrings:Antq", $"Host=127.0.0.1;Port={closed};Database=antq;Username=antq;Password=s3cret-pw;Timeout=3")));

        Assert.NotNull(problem);
        Assert.Contains("cannot be reached", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_postgres_password_stops_start_up_saying_the_server_refused()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Password = "wrong-pw" }.ConnectionString;

        var problem = await StartProblemAsync(Settings(("Database:Provider", "Postgres"), ("ConnectionStrings:Antq", wrong)));

        Assert.NotNull(problem);
        Assert.Contains("refused", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw", problem, StringComparison.Ordinal);
    }
}
