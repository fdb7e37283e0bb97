using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// Long polling that is at-least-once: the offset moves past an update only after it is stored
/// (Telegram.Bot's ready-made receiver moves it before the handler runs).
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot,
    TelegramIntake intake,
    TelegramStartup startup,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.Completed.WaitAsync(stoppingToken);
        int? offset = null;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, Wanted, stoppingToken);
                if (updates.Length > 0)
                {
                    await intake.AcceptAsync(updates, stoppingToken);
                    offset = updates.Max(u => u.Id) + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
                LogPollFailed(logger, ex.GetType().Name, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Getting Telegram updates failed ({Error}: {Detail}); trying again in {Seconds} s")]
    private static partial void LogPollFailed(ILogger logger, string error, string detail, double seconds);
}
