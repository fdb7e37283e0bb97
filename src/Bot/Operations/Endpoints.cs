using System.Net;
using Antq.Bot.Channels.Telegram;
using Antq.Bot.Hosting;
using Antq.Core.Storage;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Operations;

/// <summary>/healthz (the process answers), /readyz (database and channels are ready) and /metrics (Prometheus, not for the public).</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("healthy"));
        app.MapGet("/readyz", async (HttpContext http, DatabaseInitializer database, IOptions<TelegramOptions> telegram) =>
        {
            var databaseReady = await database.IsReadyAsync(http.RequestAborted);
            var startup = http.RequestServices.GetService<TelegramStartup>();
            var telegramState = !telegram.Value.Enabled ? "off" : startup is { IsReady: true } ? "ready" : "starting";
            var ready = databaseReady && telegramState != "starting";
            var storage = http.RequestServices.GetRequiredService<StorageProvider>();
            var polls = telegram.Value.Enabled && telegram.Value.Mode == TelegramMode.Polling && http.RequestServices.GetRequiredService<PollingLeader>().IsLeader;
            var body = new
            {
                status = ready ? "ready" : "not ready",
                database = databaseReady ? "ready" : "not ready",
                provider = storage.IsSqlite ? "sqlite" : "postgres",
                role = polls ? "poller" : "instance",
                telegram = telegramState,
            };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        var metrics = app.ServiceProvider.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (metrics.Enabled)
        {
            // Read from the same machine, or from Metrics:AllowedNetworks (a Prometheus elsewhere); the address is the
            // visitor's behind a known proxy, so the public cannot read it through the proxy either.
            var allowed = NetworkList.Read(app.ServiceProvider.GetRequiredService<IConfiguration>(), "Metrics:AllowedNetworks");
            app.MapGet("/metrics", (HttpContext http, PrometheusExporter exporter) =>
                http.Connection.RemoteIpAddress is { } from && (IPAddress.IsLoopback(from) || NetworkList.Contains(allowed, from))
                    ? Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8")
                    : Results.Text("/metrics is served to this machine and Metrics:AllowedNetworks only.\n", statusCode: StatusCodes.Status403Forbidden));
        }

        return app;
    }
}
