using System.Data.Common;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Delivery;

/// <summary>
/// What the bot said and was told is not kept for ever. After <see cref="DeliveryOptions.KeepDays"/>, outgoing
/// messages that are done (sent, failed, blocked, cancelled, not reachable) are deleted, and so are the inbox's
/// handled rows (their text went when they were handled; what is left is the chat and the time). A broadcast's
/// deliveries stay until the broadcast is settled, its reach counted by ward and unit. Without it, a tipster's chat
/// and the moment their tip came in would stay in the outbox and the inbox, beside the tip, long after the sealed
/// way back to them is deleted.
/// </summary>
/// <remarks>
/// Deleted in chunks, each a short turn of the single writer, so chats never wait behind a month of messages.
/// The outbox goes by windows of its ids (ids grow with time) up to the newest row old enough, found by a binary
/// search outside the writer's turn; the inbox by its handled-time index. Photos uploaded in the console for a
/// broadcast that was never sent go after a day (<see cref="Broadcasts.ConsolePhotoFiles.KeepUnsent"/>).
/// </remarks>
public sealed partial class MessageRetention(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    TimeProvider time,
    IOptions<DeliveryOptions> options,
    ILogger<MessageRetention> logger) : BackgroundService
{
    private const int Chunk = 500;

    /// <summary>Deletes what is past keeping; returns the outbox and inbox rows deleted.</summary>
    public async Task<(int Outbox, int Inbox)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow().UtcDateTime - TimeSpan.FromDays(options.Value.KeepDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var outbox = await DeleteOutboxAsync(db, before, cancellationToken);
        var inbox = 0;
        for (var deleted = Chunk; deleted == Chunk; inbox += deleted)
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                deleted = await db.Database.ExecuteAsync(
                    """DELETE FROM "inbox" WHERE "Id" IN (SELECT "Id" FROM "inbox" WHERE "HandledAt" < @before LIMIT @chunk)""",
                    new SqlParameters { ["@before"] = before, ["@chunk"] = Chunk },
                    cancellationToken);
            }
        }

        if (outbox + inbox > 0)
        {
            LogDeleted(logger, outbox, inbox, options.Value.KeepDays);
        }

        int photos;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            photos = await Broadcasts.ConsolePhotoFiles.DeleteUnsentAsync(db, time.GetUtcNow().UtcDateTime - Broadcasts.ConsolePhotoFiles.KeepUnsent, cancellationToken);
        }

        if (photos > 0)
        {
            LogPhotosDeleted(logger, photos);
        }

        return (outbox, inbox);
    }

    /// <summary>A minute after start (not in the rush of start-up), then every <see cref="DeliveryOptions.CleanupInterval"/>.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var wait = TimeSpan.FromMinutes(1) < options.Value.CleanupInterval ? TimeSpan.FromMinutes(1) : options.Value.CleanupInterval;
        while (true)
        {
            await Task.Delay(wait, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            wait = options.Value.CleanupInterval;
        }
    }

    private async Task<int> DeleteOutboxAsync(AntqDb db, DateTime before, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        if (await FirstAtOrAfterAsync(connection, 0) is not { } oldest || oldest.CreatedAt >= before)
        {
            return 0;
        }

        var last = await LastOlderThanAsync(connection, oldest.Id, before);
        var deleted = 0;
        for (var from = oldest.Id; from <= last; from += Chunk)
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                // The window of ids is the way in ("+" keeps SQLite from walking the status index instead: every row
                // done, at each window).
                var done = new SqlParameters { ["@from"] = from, ["@to"] = from + Chunk, ["@last"] = last, ["@before"] = before };
                var statuses = done.List("status", new[] { DeliveryStatus.Sent, DeliveryStatus.Failed, DeliveryStatus.Blocked, DeliveryStatus.Cancelled, DeliveryStatus.NotReachable }.Select(s => (int)s));
                deleted += await db.Database.ExecuteAsync(
                    $"""
                    DELETE FROM "outbox" AS o
                    WHERE o."Id" >= @from AND o."Id" < @to AND o."Id" <= @last AND o."CreatedAt" < @before
                      AND {SqlDialect.NotIndexed(db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, "o.\"Status\"")} IN ({statuses})
                      AND (o."BroadcastId" IS NULL OR EXISTS (SELECT 1 FROM "broadcasts" AS b WHERE b."Id" = o."BroadcastId" AND b."Delivered" IS NOT NULL))
                    """,
                    done,
                    cancellationToken);
            }
        }

        return deleted;
    }

    /// <summary>
    /// The newest outbox row created before <paramref name="before"/>, from the oldest row <paramref name="lo"/> (which
    /// is): a binary search on the key, since ids grow with time.
    /// </summary>
    private static async Task<long> LastOlderThanAsync(DbConnection connection, long lo, DateTime before)
    {
        await using var max = connection.Command(null, """SELECT COALESCE(MAX("Id"), 0) FROM "outbox" """);
        var hi = (long)(await max.ExecuteScalarAsync())!;

        // Invariant: the row at lo is older than before; everything after hi is not.
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (await FirstAtOrAfterAsync(connection, mid) is { } row && row.CreatedAt < before)
            {
                lo = Math.Min(row.Id, hi);
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private static async Task<(long Id, DateTime CreatedAt)?> FirstAtOrAfterAsync(DbConnection connection, long id)
    {
        await using var command = connection.Command(null, """SELECT "Id", "CreatedAt" FROM "outbox" WHERE "Id" >= @id ORDER BY "Id" LIMIT 1""").With("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetInt64(0), reader.Utc(1)) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Outbox} outgoing message(s) and {Inbox} handled update(s) older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int outbox, int inbox, int days);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Photos} console photo(s) no broadcast holds")]
    private static partial void LogPhotosDeleted(ILogger logger, int photos);

    [LoggerMessage(Level = LogLevel.Error, Message = "The message retention clean-up failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
