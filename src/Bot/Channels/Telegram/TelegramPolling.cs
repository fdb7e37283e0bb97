using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types.Enums;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// Long polling that is at-least-once: the offset moves past an update only after it is stored
/// (Telegram.Bot's ready-made receiver moves it before the handler runs). With several instances only the one that
/// holds the polling lock polls; a new leader starts from Telegram's unconfirmed updates, and the inbox's unique key
/// drops any the old leader had already stored.
/// </summary>
public sealed partial class TelegramPolling(
    ITelegramBotClient bot,
    TelegramIntake intake,
    TelegramStartup startup,
    Hosting.PollingLeader leader,
    IOptions<TelegramOptions> options,
    ILogger<TelegramPolling> logger) : BackgroundService
{
    public static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await startup.Completed.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            CancellationToken leading;
            try
            {
                leading = await leader.LeadAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await PollAsync(leading, stoppingToken);
        }
    }

    private async Task PollAsync(CancellationToken leading, CancellationToken stoppingToken)
    {
        int? offset = null;
        var failures = 0;
        while (!leading.IsCancellationRequested)
        {
            try
            {
                var updates = await bot.GetUpdates(offset, 100, options.Value.PollingTimeoutSeconds, Wanted, leading);
                if (updates.Length > 0)
                {
                    // Stored even if leadership is lost meanwhile: what Telegram handed over must not be dropped.
                    await intake.AcceptAsync(updates, stoppingToken);
                    offset = updates.Max(u => u.Id) + 1;
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (leading.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, Math.Min(failures, 5)) / 2));
                LogPollFailed(logger, ex.GetType().Name, ex.Message, delay.TotalSeconds);
                await Task.Delay(delay, leading).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Getting Telegram updates failed ({Error}: {Detail}); trying again in {Seconds} s")]
    private static partial void LogPollFailed(ILogger logger, string error, string detail, double seconds);
}
