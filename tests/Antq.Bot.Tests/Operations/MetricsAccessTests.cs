using System.Net;
using Antq.Testing;

namespace Antq.Bot.Tests.Operations;

/// <summary>/metrics is for the operator: this machine, or the networks configured for it, never the public.</summary>
public sealed class MetricsAccessTests
{
    [Fact]
    public async Task Metrics_answer_this_machine_and_the_configured_networks_but_not_a_visitor_through_the_proxy()
    {
        await using (var bot = await TestBot.StartAsync())
        {
            Assert.Equal(HttpStatusCode.OK, await MetricsAsync(bot, forwardedFor: null));
            Assert.Equal(HttpStatusCode.Forbidden, await MetricsAsync(bot, forwardedFor: "203.0.113.9"));
            Assert.Equal(HttpStatusCode.Forbidden, await MetricsAsync(bot, forwardedFor: "127.0.0.1, 203.0.113.9")); // a forged first hop
        }

        await using (var bot = await TestBot.StartAsync(s => s["Metrics:AllowedNetworks"] = "203.0.113.0/24"))
        {
            Assert.Equal(HttpStatusCode.OK, await MetricsAsync(bot, forwardedFor: "203.0.113.9"));
            Assert.Equal(HttpStatusCode.Forbidden, await MetricsAsync(bot, forwardedFor: "198.51.100.1"));
        }

        await using (var bot = await TestBot.StartAsync(s => s["Metrics:Enabled"] = "false"))
        {
            Assert.Equal(HttpStatusCode.NotFound, await MetricsAsync(bot, forwardedFor: null));
        }
    }

    [Fact]
    public async Task A_bad_network_in_the_settings_stops_start_up_naming_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("antq-start-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(folder, "antq.db")}",
            ["Urls"] = "http://127.0.0.1:0",
            ["Http:KnownNetworks"] = "10.0.0.0/33",
        };

        var error = await Record.ExceptionAsync(async () => await TestBot.BuildHost(settings).DisposeAsync());

        Assert.Contains("Http:KnownNetworks: '10.0.0.0/33' is not an IP address", Antq.Bot.Hosting.AntqHost.StartupProblem(error!), StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> MetricsAsync(TestBot bot, string? forwardedFor)
    {
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
