using System.Net;
using System.Text.Json;
using Antq.Bot.Hosting;
using Antq.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Antq.Bot.Tests.Operations;

public sealed class StartupTests
{
    private static Dictionary<string, string?> Settings(string folder, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(folder, "data", "antq.db")}",
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
    public async Task Without_a_bot_token_the_service_starts_healthy_and_says_how_to_turn_Telegram_on()
    {
        var folder = Directory.CreateTempSubdirectory("antq-start-").FullName;
        var logs = new CapturedLogs();
        await using var app = TestBot.BuildHost(Settings(folder), logs: logs);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        Assert.Equal("healthy", await http.GetStringAsync("/healthz"));
        using var ready = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("off", body.RootElement.GetProperty("telegram").GetString());
        Assert.True(File.Exists(Path.Combine(folder, "data", "antq.db")));
        var off = Assert.Single(logs.Lines, l => l.Text.Contains("Telegram channel is off", StringComparison.Ordinal));
        Assert.Contains("Telegram__BotToken", off.Text, StringComparison.Ordinal);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("{ \"city\": \"X\", \"wards\": [ { \"id\": \"a\", \"name\": \"A\", \"kind\": \"ward\", \"units\": [] } ] }", "wards[0] \"a\"")]
    [InlineData("{ \"city\": \"X\", \"wards\": [ ", "invalid JSON")]
    public async Task A_bad_areas_file_stops_start_up_with_a_message_naming_the_file_and_entry(string json, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("antq-start-").FullName;
        var areas = Path.Combine(folder, "areas.json");
        await File.WriteAllTextAsync(areas, json);

        var error = Assert.ThrowsAny<Exception>(() => TestBot.BuildHost(Settings(folder, ("Content:AreasFile", areas))));

        var problem = AntqHost.StartupProblem(error);
        Assert.NotNull(problem);
        Assert.Contains(areas, problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Telegram:Mode", "Pull", "Telegram:Mode")]
    [InlineData("Telegram:RateLimit:PerSecond", "0", "Telegram:RateLimit:PerSecond")]
    [InlineData("Delivery:QuietHours", "late evening", "Delivery:QuietHours")]
    [InlineData("Conversations:Lanes", "0", "Conversations:Lanes")]
    [InlineData("Delivery:KeepDays", "0", "Delivery:KeepDays")]
    [InlineData("Delivery:MaxInHandPerChat", "0", "Delivery:MaxInHandPerChat")]
    [InlineData("Conversations:MaxUpdatesPerMinute", "-1", "Conversations:MaxUpdatesPerMinute")]
    [InlineData("Telegram:BotToken", "not-a-token", "Telegram:BotToken")]
    [InlineData("Scheduling:DueMessagesEvery", "0", "Scheduling:DueMessagesEvery")]
    [InlineData("Broadcasts:ClockInterval", "-00:00:01", "Broadcasts:ClockInterval")]
    public async Task A_bad_setting_stops_start_up_naming_the_key(string key, string value, string named)
    {
        var folder = Directory.CreateTempSubdirectory("antq-start-").FullName;

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestBot.BuildHost(Settings(folder, (key, value)));
            await app.StartAsync();
            await app.StopAsync();
        });

        Assert.NotNull(error);
        var problem = AntqHost.StartupProblem(error);
        Assert.NotNull(problem);
        Assert.Contains(named, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_mode_without_url_and_secret_stops_start_up_naming_both_keys()
    {
        var folder = Directory.CreateTempSubdirectory("antq-start-").FullName;

        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = TestBot.BuildHost(Settings(folder, ("Telegram:BotToken", "123:abc"), ("Telegram:Mode", "Webhook")));
            await app.StartAsync();
        });

        var problem = AntqHost.StartupProblem(error!);
        Assert.Contains("Telegram:WebhookUrl", problem, StringComparison.Ordinal);
        Assert.Contains("Telegram:WebhookSecret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_menu_is_set_in_Vietnamese_and_English_at_start()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Api.WaitForCallAsync("deleteWebhook", ChatScript.Patience);

        var calls = bot.Api.CallsTo("setMyCommands");
        var vi = Assert.Single(calls, c => c.Field("language_code") == "vi");
        var en = Assert.Single(calls, c => c.Field("language_code") == "en");
        Assert.Contains("Xoá dữ liệu của bạn", vi.Body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        Assert.Contains("Erase your data", en.Body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_count_updates_and_sent_messages_in_prometheus_format()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(9001);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        // Something holds the single writer long enough to hold every chat back: it is counted under its holder.
        var gate = bot.Services.GetRequiredService<Antq.Core.Storage.WriteGate>();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await Task.Delay(Antq.Core.Storage.WriteGate.LongHold + TimeSpan.FromMilliseconds(20));
        }

        var metrics = await http.GetStringAsync("/metrics");

        Assert.Contains("antq_write_gate_long_holds_total{holder=\"StartupTests.Metrics_count_updates_and_sent_messages_in_prometheus_format\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("antq_updates_received_total{channel=\"telegram\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("antq_updates_handled_total{channel=\"telegram\",outcome=\"ok\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("antq_messages_sent_total{channel=\"telegram\",outcome=\"sent\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE antq_outbox_queue_depth gauge", metrics, StringComparison.Ordinal);

        // Where the single writer's time goes: the update's turn is counted under the engine, with its time.
        Assert.Contains("antq_writer_units_total{origin=\"ConversationEngine.Handle\"} 1", metrics, StringComparison.Ordinal);
        Assert.Matches("antq_writer_unit_seconds_total\\{origin=\"ConversationEngine.Handle\"\\} 0\\.0*[1-9]", metrics);
        Assert.Contains("# TYPE antq_writer_commit_seconds_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE antq_write_gate_held_seconds_total counter", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_stops_within_ten_seconds_and_logs_nothing_a_resident_wrote()
    {
        await using var bot = await TestBot.StartAsync(s => s["Logging:LogLevel:Default"] = "Debug");
        var chat = bot.Chat(9002);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("đồng ý");
        chat.Says("Nhà số 12 ngõ 5 có người lạ");

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await bot.StopAsync();

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"took {stopping.Elapsed}");
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains("ngõ 5", StringComparison.Ordinal) || l.Text.Contains("9002", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Debug && l.Category.Contains("ConversationEngine", StringComparison.Ordinal));
    }
}
