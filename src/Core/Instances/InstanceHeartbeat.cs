using Antq.Core.Delivery;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Instances;

/// <summary>
/// Keeps this instance's row in <c>instances</c> fresh (every <see cref="InstanceOptions.HeartbeatInterval"/>) and, on
/// a shared database, takes back what gone instances left in flight (<see cref="DeliveryQueue.TakeBackFromGoneAsync"/>),
/// so their messages go out within seconds rather than when their leases run out. Registered before the dispatcher, so
/// it stops after it: the row goes only once nothing of this instance is in flight.
/// </summary>
public sealed partial class InstanceHeartbeat(
    ThisInstance me,
    GroupWriter writer,
    IDbContextFactory<AntqDb> dbFactory,
    DeliveryQueue queue,
    SharedPace pace,
    DeliverySignal signal,
    StorageProvider storage,
    IOptions<InstanceOptions> options,
    TimeProvider time,
    ILogger<InstanceHeartbeat> logger) : BackgroundService
{
    private readonly Lock _lock = new();
    private readonly DateTime _startedAt = time.GetUtcNow().UtcDateTime;
    private Task? _registered;

    /// <summary>The row written once (the dispatcher waits for it before leasing: a lease under an unknown id would look gone).</summary>
    public Task RegisterAsync()
    {
        lock (_lock)
        {
            return _registered ??= BeatAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Rows in flight with instances not seen for <see cref="InstanceOptions.DeadAfter"/> go back to the queue (how many),
    /// and the send slots they held are freed.
    /// </summary>
    public async Task<int> TakeBackFromGoneAsync(CancellationToken cancellationToken)
    {
        if (pace.Enabled)
        {
            await pace.ReleaseGoneAsync(options.Value.DeadAfter, SharedChannelGate.Window, cancellationToken);
        }

        var taken = await queue.TakeBackFromGoneAsync(options.Value.DeadAfter, cancellationToken);
        if (taken > 0)
        {
            LogTakenBack(logger, taken);
            signal.Notify();
        }

        return taken;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        try
        {
            try
            {
                await RegisterAsync();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next beat writes the row again (an upsert).
                LogBeatFailed(logger, ex);
            }

            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await BeatAsync(stoppingToken);
                    if (me.Shared)
                    {
                        await TakeBackFromGoneAsync(stoppingToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogBeatFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Gone at once, not after DeadAfter: anything left in flight (a send the stop cut off) is taken back sooner.
            await writer.WriteAsync(
                async (scope, ct) =>
                {
                    await using var command = scope.Connection.Command(scope.Transaction, """DELETE FROM "instances" WHERE "Id" = @id""");
                    return await command.With("@id", me.Id).ExecuteNonQueryAsync(ct);
                });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // It is forgotten once it looks gone.
            LogBeatFailed(logger, ex);
        }
    }

    private async Task<int> BeatAsync(CancellationToken cancellationToken)
    {
        var sql = $"""INSERT INTO "instances" ("Id", "StartedAt", "SeenAt") VALUES (@id, @started, {SqlDialect.HeartbeatNow(storage.Provider)}) ON CONFLICT ("Id") DO UPDATE SET "SeenAt" = excluded."SeenAt" """;
        if (!me.Shared)
        {
            return await writer.WriteAsync(async (scope, ct) =>
            {
                await using var command = scope.Connection.Command(scope.Transaction, sql);
                return await command.With("@id", me.Id).With("@started", _startedAt).With("@now", time.GetUtcNow().UtcDateTime).ExecuteNonQueryAsync(ct);
            });
        }

        // On a shared database the beat goes on a connection of its own, never queued behind the writer's lanes: a
        // loaded instance whose beat waited behind its writes would look dead to the others, which would send again
        // what it has in flight.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var beat = db.Database.GetDbConnection().Command(null, sql);
        return await beat.With("@id", me.Id).With("@started", _startedAt).ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outgoing message(s) left in flight by a gone instance go back to the queue")]
    private static partial void LogTakenBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The instance heartbeat failed; trying again at the next beat")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception);
}
