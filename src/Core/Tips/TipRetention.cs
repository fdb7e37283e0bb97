using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>
/// Deletes the way back to tipsters once the retention after closing has passed (after that a tip cannot be
/// tied to anyone), and quota counts older than a day.
/// </summary>
public sealed partial class TipRetention(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    TimeProvider time,
    IOptions<TipOptions> options,
    ILogger<TipRetention> logger) : BackgroundService
{
    /// <summary>How long a chat's last-interaction time is kept: a day past the longest reply window (Zalo's 7 days).</summary>
    public static readonly TimeSpan ActivityKept = TimeSpan.FromDays(8);

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var quotaBefore = TipQuota.FiveMinuteSlotOf(now).AddHours(-25);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            var routes = await db.TipRoutes.Where(r => r.DeleteAfter != null && r.DeleteAfter <= now).ExecuteDeleteAsync(cancellationToken);
            await db.TipQuota.Where(q => q.Slot < quotaBefore).ExecuteDeleteAsync(cancellationToken);

            // A channel's record of when a chat last wrote (Zalo's 7-day reply window) means nothing after the
            // window: it is not kept, so an erased resident's chat id does not linger there either.
            var activityBefore = now - ActivityKept;
            await db.ChatActivity.Where(a => a.LastInboundAt < activityBefore).ExecuteDeleteAsync(cancellationToken);
            if (routes > 0)
            {
                LogDeleted(logger, routes);
            }

            return routes;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(options.Value.CleanupInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the way back to the tipsters of {Count} closed tip(s)")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tip retention clean-up failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
