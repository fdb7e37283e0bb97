using Antq.Bot.Channels.Telegram;
using Antq.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Operations;

public static class OperationsRegistration
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PrometheusExporter>();
        builder.Services.AddOptions<MetricsOptions>().Bind(builder.Configuration.GetSection(MetricsOptions.Section));
        NetworkList.Read(builder.Configuration, "Metrics:AllowedNetworks"); // a bad entry stops start-up here, naming the key
        builder.Services.AddHostedService<StartupReport>();
        if (builder.Configuration["Urls"] is null && builder.Configuration["ASPNETCORE_URLS"] is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }

        return builder;
    }

    /// <summary>One clear line at start-up about each channel, and the exporter created before anything is counted.</summary>
    private sealed class StartupReport(IOptions<TelegramOptions> telegram, PrometheusExporter exporter, ILogger<StartupReport> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = exporter;
            if (!telegram.Value.Enabled)
            {
#pragma warning disable CA1848, CA2254 // One line at start-up; the text is a constant.
                logger.LogWarning(TelegramRegistration.OffMessage);
#pragma warning restore CA1848, CA2254
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
