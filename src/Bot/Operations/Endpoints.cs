using System.Net;
using Antq.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Operations;

/// <summary>/healthz (the process answers), /readyz (database and channels are ready) and /metrics (Prometheus, not for the public).</summary>
public static class Endpoints
{
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("healthy"));
        app.MapGet("/readyz", async (HttpContext http) =>
        {
            var readiness = await ServiceReadiness.ReadAsync(http.RequestServices, http.RequestAborted);
            var body = new
            {
                status = readiness.Ready ? "ready" : "not ready",
                database = readiness.DatabaseReady ? "ready" : "not ready",
                provider = readiness.Provider,
                role = readiness.Role,
                telegram = readiness.Telegram,
            };
            return Results.Json(body, statusCode: readiness.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
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
