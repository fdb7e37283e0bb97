using Antq.Bot.Hosting;
using Antq.Testing;

namespace Antq.Bot.Tests.Channels.Zalo;

public sealed class ZaloConfigurationTests
{
    private static Dictionary<string, string?> Settings(string folder, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(folder, "antq.db")}",
            ["Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = "",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task Without_a_Zalo_app_the_channel_is_off_and_one_line_says_how_to_turn_it_on()
    {
        var folder = Directory.CreateTempSubdirectory("antq-zalo-").FullName;
        var logs = new CapturedLogs();
        await using var app = TestBot.BuildHost(Settings(folder), logs: logs);
        await app.StartAsync();

        var off = Assert.Single(logs.Lines, l => l.Text.Contains("Zalo channel is off", StringComparison.Ordinal));
        Assert.Contains("Zalo__AppId", off.Text, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        using var webhook = await http.PostAsync(new Uri("/zalo/webhook", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, webhook.StatusCode);
        await app.StopAsync();
    }

    [Fact]
    public async Task An_app_id_without_its_secrets_stops_start_up_naming_the_missing_keys()
    {
        var folder = Directory.CreateTempSubdirectory("antq-zalo-").FullName;

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestBot.BuildHost(Settings(folder, ("Zalo:AppId", "123"), ("Zalo:SecretKey", "s")));
            await app.StartAsync();
        });

        var problem = AntqHost.StartupProblem(error!);
        Assert.NotNull(problem);
        Assert.Contains("Zalo:OaSecretKey", problem, StringComparison.Ordinal);
        Assert.Contains("Zalo:RefreshToken", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Zalo:SecretKey is", problem, StringComparison.Ordinal);
    }
}
