using Antq.Bot.Channels.Telegram;
using Antq.Core.Storage;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Operations;

/// <summary>/healthz (the process answers), /readyz (database and channels are ready) and /metrics (Prometheus).</summary>
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
            var body = new { status = ready ? "ready" : "not ready", database = databaseReady ? "ready" : "not ready", telegram = telegramState };
            return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", (PrometheusExporter exporter) => Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        return app;
    }
}
