using Antq.Bot.Channels.Telegram;
using Antq.Bot.Hosting;
using Antq.Core.Storage;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Operations;

/// <summary>
/// What /readyz answers and the console's status page shows: the database, this instance's role, Telegram's start
/// (with its last setup error, which /readyz keeps to itself).
/// </summary>
/// <param name="Telegram">"off", "ready" or "starting".</param>
public sealed record ServiceReadiness(bool Ready, bool DatabaseReady, string Provider, string Role, string Telegram, string? TelegramError)
{
    public static async Task<ServiceReadiness> ReadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var telegram = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var databaseReady = await services.GetRequiredService<DatabaseInitializer>().IsReadyAsync(cancellationToken);
        var startup = services.GetService<TelegramStartup>();
        var telegramState = !telegram.Enabled ? "off" : startup is { IsReady: true } ? "ready" : "starting";
        var polls = telegram.Enabled && telegram.Mode == TelegramMode.Polling && services.GetRequiredService<PollingLeader>().IsLeader;
        return new ServiceReadiness(
            databaseReady && telegramState != "starting",
            databaseReady,
            services.GetRequiredService<StorageProvider>().IsSqlite ? "sqlite" : "postgres",
            polls ? "poller" : "instance",
            telegramState,
            startup?.LastError);
    }
}
