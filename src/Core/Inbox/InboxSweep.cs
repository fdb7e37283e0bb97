using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Inbox;

/// <summary>
/// On PostgreSQL, nothing received is lost with the instance that received it: every <c>Conversations:SweepEvery</c>
/// each instance posts to its own lanes the rows left unhandled longer than <c>Conversations:TakeOverAfter</c> that are
/// not already waiting in them. The lane's turn takes the chat's lock, so a row the live owner has in hand is never
/// handled twice: whoever comes second finds it handled. On SQLite the one instance takes its pending rows at start.
/// </summary>
public sealed partial class InboxSweep(
    InboxStore inbox,
    InboxLanes lanes,
    StorageProvider storage,
    TimeProvider time,
    IOptions<ConversationOptions> options,
    ILogger<InboxSweep> logger) : BackgroundService
{
    private const int MaxRows = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.IsSqlite)
        {
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(settings.SweepEvery, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await SweepAsync(time.GetUtcNow().UtcDateTime - settings.TakeOverAfter, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment: the next sweep asks again.
                LogSweepFailed(logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>Posts the rows received before <paramref name="before"/> and still unhandled; returns how many.</summary>
    public async Task<int> SweepAsync(DateTime before, CancellationToken cancellationToken)
    {
        var stale = (await inbox.UnhandledBeforeAsync(before, MaxRows, cancellationToken)).Where(r => !lanes.IsWaiting(r.Id)).ToList();
        if (stale.Count > 0)
        {
            LogTakingOver(logger, stale.Count);
            lanes.Post(stale);
        }

        return stale.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} update(s) left unhandled by their instance are taken by this one")]
    private static partial void LogTakingOver(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for unhandled updates failed ({Error}); trying again at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
