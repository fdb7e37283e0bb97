using System.Data.Common;
using System.Globalization;
using Antq.Core.Instances;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Delivery;

/// <summary>
/// The outbox as the dispatcher sees it: lease rows by priority, then record outcomes in bulk. Both run inside the
/// single writer on every message sent, so they are hand-written statements rather than EF queries, written with
/// the other writes of the moment (group commit): one UPDATE … RETURNING leases a batch, one UPDATE per kind of
/// outcome records a batch.
/// </summary>
/// <remarks>
/// Where several instances share the database (PostgreSQL, <see cref="ThisInstance.Shared"/>), each leased row names
/// its instance (<c>LeasedBy</c>); a chat's rows are leased only while no other instance holds one of them in flight, so
/// two instances never send to one chat at once; and rows go back to the queue only when their instance's heartbeat
/// stopped (<see cref="TakeBackFromGoneAsync"/>), never at another's start.
/// </remarks>
public sealed class DeliveryQueue(IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, TimeProvider time, StorageProvider storage, ThisInstance me)
{
    /// <summary>
    /// The leases of all instances take turns on this transaction-level advisory lock ("anto"; the poller holds "antq"):
    /// each lease's statement then sees every lease committed before it, so a chat's rows leased by one instance keep
    /// the others off the chat. Held for the lease statement alone, on a connection of its own, never across a send.
    /// </summary>
    public const long LeaseLockKey = 0x616E746F;

    private const string Columns = """ "Id", "Channel", "ChatId", "Priority", "Payload", "Attempts", "CreatedAt", "NotBefore", "BroadcastId" """;

    /// <summary>
    /// Due rows, walked along the (Status, Channel, Priority, NotBefore) index: the IN list lets SQLite seek each priority's
    /// due range in order and stop at the limit, instead of reading and sorting every queued row (a city-wide
    /// broadcast queues 175,000, and this runs for every few messages sent). Within a priority, rows go by due time
    /// and then in the order they were written.
    /// </summary>
    private static readonly string DueCondition =
        $"\"Status\" = @queued AND \"Priority\" IN ({string.Join(", ", Enum.GetValues<DeliveryPriority>().Select(p => (int)p).Order())}) AND \"NotBefore\" <= @now";

    private const string InFlightOfChat =
        """(SELECT COUNT(*) FROM (SELECT 1 FROM "outbox" AS f WHERE f."Channel" = o."Channel" AND f."ChatId" = o."ChatId" AND f."Status" = @inFlight LIMIT @perChat) AS n)""";

    private string DueBeforeInChat =>
        """(SELECT COUNT(*) FROM (SELECT 1 FROM "outbox" AS e WHERE e."Channel" = o."Channel" AND e."ChatId" = o."ChatId" AND e."Status" = @queued """ +
        $"""AND {SqlDialect.NotIndexed(storage.Provider, "e.\"NotBefore\"")} <= @now AND ({SqlDialect.NotIndexed(storage.Provider, "e.\"Priority\"")}, {SqlDialect.NotIndexed(storage.Provider, "e.\"NotBefore\"")}, e."Id") < (o."Priority", o."NotBefore", o."Id") LIMIT @perChat) AS n)""";

    /// <summary>
    /// The row's chat holds fewer than @perChat rows in flight and due before it (see <see cref="LeaseAsync"/>). The
    /// in-flight count comes first, so a chat already full costs each of its rows one short walk; the unary plus keeps
    /// SQLite on the chat's index rather than walking the channel's due rows.
    /// </summary>
    private string ChatHasRoom => InFlightOfChat + " < @perChat AND " + InFlightOfChat + " + " + DueBeforeInChat + " < @perChat";

    /// <summary>
    /// No row of the chat is in flight with another instance, nor was sent by one within the channel's per-chat spacing
    /// (a shared database only; on SQLite every lease is this process's). A sent row keeps the instance that sent it, and
    /// its time is taken once the channel answered, after the message arrived: so this instance's next message to the
    /// chat arrives at least the spacing after the other's.
    /// </summary>
    private const string NoOtherInstanceInChat =
        """NOT EXISTS (SELECT 1 FROM "outbox" AS x WHERE x."Channel" = o."Channel" AND x."ChatId" = o."ChatId" AND x."Status" = @inFlight AND x."LeasedBy" IS DISTINCT FROM @me) """ +
        """AND NOT EXISTS (SELECT 1 FROM "outbox" AS s WHERE s."Channel" = o."Channel" AND s."ChatId" = o."ChatId" AND s."Status" = @sent AND s."SentAt" > @recent AND s."LeasedBy" IS DISTINCT FROM @me)""";

    /// <summary>
    /// Leases up to <paramref name="max"/> rows that are due, replies first, leaving a chat at most
    /// <paramref name="perChat"/> in flight: a row is taken only if its chat's rows in flight and its chat's due rows
    /// before it number fewer. Both counts walk the (Channel, ChatId, Status) index and stop at the limit (a chat with 2,000
    /// replies queued and one with 3,000 cost a lease 12 ms, measured; with the intake limit a chat seldom has 50).
    /// </summary>
    /// <param name="chatSpacing">The channels' per-chat spacing: on a shared database, a chat another instance sent to more recently is left.</param>
    public Task<List<OutboxMessage>> LeaseAsync(IReadOnlyCollection<string> channels, int max, int perChat, TimeSpan lease, CancellationToken cancellationToken, TimeSpan chatSpacing = default) =>
        LeaseWhereAsync(channels, max, lease, DueCondition + " AND " + ChatHasRoom + (me.Shared ? " AND " + NoOtherInstanceInChat : ""), """ "Priority", "NotBefore", "Id" """, cancellationToken, perChat, chatSpacing, byChannelAndPriority: storage.Provider == DatabaseProvider.Postgres);

    /// <summary>
    /// Rows whose lease ran out (the process that took them died mid-send): leased again, for this process to send.
    /// Rare, so the dispatcher asks now and then rather than on every lease.
    /// </summary>
    public Task<List<OutboxMessage>> ReclaimExpiredAsync(IReadOnlyCollection<string> channels, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        LeaseWhereAsync(channels, max, lease, """ "Status" = @inFlight AND "LeaseUntil" < @now """, """ "Priority", "Id" """, cancellationToken);

    /// <summary>
    /// Every row in flight goes back to the queue as it was (attempts kept): called at start-up on SQLite, before
    /// anything is leased, for what the previous process left in flight when it died (one process per file). Returns how many.
    /// </summary>
    public Task<int> TakeBackInFlightAsync(CancellationToken cancellationToken) =>
        writer.WriteAsync(async (scope, ct) =>
        {
            await using var command = scope.Connection.Command(scope.Transaction, """UPDATE "outbox" SET "Status" = @queued, "LeaseUntil" = NULL, "LeasedBy" = NULL WHERE "Status" = @inFlight""");
            command.With("@queued", (int)DeliveryStatus.Queued).With("@inFlight", (int)DeliveryStatus.InFlight);
            return await command.ExecuteNonQueryAsync(ct);
        });

    /// <summary>
    /// Rows in flight with an instance not seen since <paramref name="aliveSince"/> (or with none) go back to the queue
    /// as they were, and the gone instances are forgotten: at start-up and every heartbeat on a shared database, so a
    /// dead instance's messages go out within seconds and a live one's are never touched. Returns how many rows.
    /// </summary>
    public Task<int> TakeBackFromGoneAsync(TimeSpan deadAfter, CancellationToken cancellationToken)
    {
        // Reckoned on the clock the heartbeats were written with (the server's on PostgreSQL).
        var alive = SqlDialect.HeartbeatNow(storage.Provider) + " - @deadAfter";
        if (storage.Provider == DatabaseProvider.Sqlite)
        {
            alive = "@alive";
        }

        var aliveSince = Now() - deadAfter;
        return writer.WriteAsync(async (scope, ct) =>
        {
            await using var command = scope.Connection.Command(
                scope.Transaction,
                """UPDATE "outbox" SET "Status" = @queued, "LeaseUntil" = NULL, "LeasedBy" = NULL WHERE "Status" = @inFlight """ +
                """AND ("LeasedBy" IS NULL OR "LeasedBy" NOT IN (SELECT "Id" FROM "instances" WHERE "SeenAt" >= """ + alive + "))");
            command.With("@queued", (int)DeliveryStatus.Queued).With("@inFlight", (int)DeliveryStatus.InFlight);
            Alive(command);
            var taken = await command.ExecuteNonQueryAsync(ct);
            await using var forget = scope.Connection.Command(scope.Transaction, """DELETE FROM "instances" WHERE "SeenAt" < """ + alive);
            Alive(forget);
            await forget.ExecuteNonQueryAsync(ct);
            return taken;
        });

        void Alive(System.Data.Common.DbCommand command)
        {
            if (storage.Provider == DatabaseProvider.Sqlite)
            {
                command.With("@alive", aliveSince);
            }
            else
            {
                command.With("@deadAfter", deadAfter);
            }
        }
    }

    /// <param name="byChannelAndPriority">
    /// PostgreSQL: one ordered walk of the (Status, Channel, Priority, NotBefore) index per channel and priority, each
    /// stopping at the limit, merged. PostgreSQL 15 cannot keep an index's order across an IN list, so the one query
    /// SQLite seeks in order would make it test every queued row's chat (a city-wide broadcast queues 175,000) and sort
    /// them, at every lease: measured, a lease took over 30 s with a broadcast of 175,000 queued.
    /// </param>
    private async Task<List<OutboxMessage>> LeaseWhereAsync(IReadOnlyCollection<string> channels, int max, TimeSpan lease, string condition, string order, CancellationToken cancellationToken, int perChat = 0, TimeSpan chatSpacing = default, bool byChannelAndPriority = false)
    {
        var rows = new List<OutboxMessage>(Math.Min(max, 256));
        if (max <= 0 || channels.Count == 0)
        {
            return rows;
        }

        var now = Now();
        await InLeaseTurnAsync(async (connection, transaction, ct) =>
        {
            await using var command = connection.Command(transaction, "");
            var channelList = command.List("c", channels);
            var chosen = byChannelAndPriority
                ? ByChannelAndPriority(condition, channelList.Split(", "))
                : $"""SELECT o."Id" FROM "outbox" AS o WHERE {condition} AND o."Channel" IN ({channelList}) ORDER BY {order} LIMIT @max{SqlDialect.SkipLocked(storage.Provider)}""";
            command.CommandText =
                $"""UPDATE "outbox" SET "Status" = @inFlight, "LeaseUntil" = @until, "LeasedBy" = @me WHERE "Id" IN ({chosen}) """ +
                $"RETURNING {Columns}";
            command.With("@queued", (int)DeliveryStatus.Queued).With("@inFlight", (int)DeliveryStatus.InFlight)
                .With("@now", now).With("@until", now + lease).With("@max", max).With("@perChat", perChat).With("@me", me.Id)
                .With("@sent", (int)DeliveryStatus.Sent).With("@recent", now - chatSpacing);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Read(reader));
            }

            return rows.Count;
        }, cancellationToken);

        // RETURNING gives no order: replies first, then each chat's rows in the order they were written.
        rows.Sort((a, b) => a.Priority != b.Priority ? a.Priority.CompareTo(b.Priority) : a.Id.CompareTo(b.Id));
        return rows;
    }

    /// <summary>
    /// The due rows of each channel and priority walked in index order, each walk stopping at the limit; then the first
    /// <c>@max</c> of them all, replies first, then by due time and as written. Each walk locks what it takes and skips
    /// what another holds. A walk is ordered by the due time alone, the index's own order: with the row's id as well,
    /// PostgreSQL estimated the chat tests to keep one row and chose to read and sort the whole queue instead (10 s for
    /// 175,000 queued; 15 ms this way, measured with <c>EXPLAIN ANALYZE</c>). Rows due at the same moment go in the
    /// index's order; a chat's own rows still go in the order written (<see cref="DueBeforeInChat"/>).
    /// </summary>
    private static string ByChannelAndPriority(string condition, IEnumerable<string> channels)
    {
        var walks = channels.SelectMany(channel => Enum.GetValues<DeliveryPriority>().Select(priority =>
            $"""SELECT * FROM (SELECT o."Id", o."Priority", o."NotBefore" FROM "outbox" AS o WHERE {condition} AND o."Channel" = {channel} AND o."Priority" = {(int)priority} """ +
            $"""ORDER BY o."NotBefore" LIMIT @max{SqlDialect.SkipLocked(DatabaseProvider.Postgres)}) AS w"""));
        return $"""SELECT d."Id" FROM ({string.Join(" UNION ALL ", walks)}) AS d ORDER BY d."Priority", d."NotBefore", d."Id" LIMIT @max""";
    }

    /// <summary>
    /// A lease's turn: on SQLite, the single writer's (with the other writes of the moment); on a shared database, a
    /// short transaction of its own that first takes the lease lock (<see cref="LeaseLockKey"/>), so instances take
    /// turns for the statement alone and never wait for each other's other writes.
    /// </summary>
    private async Task InLeaseTurnAsync(Func<DbConnection, DbTransaction, CancellationToken, Task<int>> lease, CancellationToken cancellationToken)
    {
        if (!me.Shared)
        {
            await writer.WriteAsync((scope, ct) => lease(scope.Connection, scope.Transaction, ct), member: "LeaseWhereAsync");
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // No JIT for the lease: its estimated cost (the chat tests per row, taken at their worst) made PostgreSQL
        // compile it at every lease, 2.6 s each, for a statement that runs in milliseconds.
        await using (var turn = connection.Command(transaction, SqlDialect.TransactionLock + "; SET LOCAL jit = off"))
        {
            await turn.With("@key", LeaseLockKey).ExecuteNonQueryAsync(cancellationToken);
        }

        await lease(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Records outcomes with one statement per kind of outcome, in one transaction.</summary>
    public async Task CompleteAsync(IReadOnlyCollection<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = Now();
        await writer.WriteAsync(async (scope, ct) =>
        {
            if (outcomes.Any(o => o.Forget))
            {
                await ForgetAsync(scope, [.. outcomes.Where(o => o.Forget).Select(o => (o.Id, o.Channel, o.ChatId))], ct);
            }

            foreach (var group in outcomes.Where(o => !o.Forget).GroupBy(o => (o.Status, o.NotBefore, o.Error, o.CountsAsAttempt)))
            {
                var (status, notBefore, error, counts) = group.Key;

                // The ids as bound parameters, padded to a power of two: a few statements, kept prepared by the writer.
                var ids = group.Select(o => o.Id).ToList();
                // A sent row keeps the instance that sent it: another instance's lease spaces the chat's next message after it.
                var command = scope.Statement(
                    """UPDATE "outbox" SET "Status" = @status, "Attempts" = "Attempts" + @increment, "LeaseUntil" = NULL, """ +
                    (status == DeliveryStatus.Sent ? "" : """ "LeasedBy" = NULL, """) +
                    """ "NotBefore" = COALESCE(@notBefore, "NotBefore"), "SentAt" = COALESCE(@sentAt, "SentAt"), "LastError" = COALESCE(@error, "LastError") """ +
                    $"""WHERE "Id" IN ({Sql.Ids("id", ids.Count)})""");
                command.Set("@status", (int)status).Set("@increment", counts ? 1 : 0).Set("@notBefore", notBefore)
                    .Set("@sentAt", status == DeliveryStatus.Sent ? now : null).Set("@error", error)
                    .SetIds("id", ids);
                await command.ExecuteNonQueryAsync(ct);
            }

            // Rare (a broadcast's progress, tip cards): one small update each.
            foreach (var kept in outcomes.Where(o => o.ChannelMessageId is not null))
            {
                await scope.Db.Outbox.Where(o => o.Id == kept.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ChannelMessageId, kept.ChannelMessageId), ct);
            }

            foreach (var chat in outcomes.Where(o => o.Status == DeliveryStatus.Blocked).Select(o => (o.Channel, o.ChatId)).Distinct())
            {
                await MarkBlockedAsync(scope.Db, chat.Channel, chat.ChatId, now, ct);
            }

            return outcomes.Count;
        });
    }

    /// <summary>
    /// Removes delivered answers to erasures (in the writer's turn of <paramref name="scope"/>) and, for a chat that has
    /// not written again since, its Zalo window and numbered buttons: nothing is left that names the chat.
    /// </summary>
    public static async Task ForgetAsync(WriteScope scope, IReadOnlyCollection<(long Id, string Channel, string ChatId)> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var delete = scope.Statement($"""DELETE FROM "outbox" WHERE "Id" IN ({Sql.Ids("id", ids.Count)})""");
        delete.SetIds("id", ids);
        await delete.ExecuteNonQueryAsync(cancellationToken);
        var traces = scope.Statement(
            """
            DELETE FROM "chat_activity" WHERE "Channel" = @channel AND "ChatId" = @chat AND NOT EXISTS (SELECT 1 FROM "conversations" WHERE "Channel" = @channel AND "ChatId" = @chat);
            DELETE FROM "channel_keyboards" WHERE "Channel" = @channel AND "ChatId" = @chat AND NOT EXISTS (SELECT 1 FROM "conversations" WHERE "Channel" = @channel AND "ChatId" = @chat)
            """);
        foreach (var (channel, chat) in rows.Select(r => (r.Channel, r.ChatId)).Distinct())
        {
            await traces.Set("@channel", channel).Set("@chat", chat).ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Rows waiting to be sent (queued or in flight) by channel and kind. Counted by priority along the lease index
    /// alone (a city-wide broadcast's 175,000 rows in about 50 ms), then the few reply and reminder rows whose kind is
    /// stored are moved to it: reading every row's kind would double that.
    /// </summary>
    public async Task<Dictionary<(string Channel, OutboxKind Kind), int>> DepthAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var depth = new Dictionary<(string Channel, OutboxKind Kind), int>();
        await using (var byPriority = connection.Command(null, """SELECT "Channel", "Priority", COUNT(*) FROM "outbox" WHERE "Status" IN (@queued, @inFlight) GROUP BY "Channel", "Priority" """))
        {
            byPriority.With("@queued", (int)DeliveryStatus.Queued).With("@inFlight", (int)DeliveryStatus.InFlight);
            await using var reader = await byPriority.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                depth[(reader.GetString(0), (OutboxKind)reader.GetInt32(1))] = reader.GetInt32(2);
            }
        }

        var channels = depth.Keys.Select(k => k.Channel).Distinct().ToList();
        if (channels.Count == 0)
        {
            return depth;
        }

        await using var byKind = connection.Command(null, "");
        byKind.CommandText =
            $"""SELECT "Channel", "Priority", "Kind", COUNT(*) FROM "outbox" WHERE "Status" IN (@queued, @inFlight) AND "Channel" IN ({byKind.List("c", channels)}) """ +
            """AND "Priority" IN (@reply, @reminder) AND "Kind" IS NOT NULL GROUP BY "Channel", "Priority", "Kind" """;
        byKind.With("@queued", (int)DeliveryStatus.Queued).With("@inFlight", (int)DeliveryStatus.InFlight)
            .With("@reply", (int)DeliveryPriority.Reply).With("@reminder", (int)DeliveryPriority.Reminder);
        await using (var reader = await byKind.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (channel, count) = (reader.GetString(0), reader.GetInt32(3));
                depth[(channel, (OutboxKind)reader.GetInt32(1))] -= count;
                depth[(channel, (OutboxKind)reader.GetInt32(2))] = depth.GetValueOrDefault((channel, (OutboxKind)reader.GetInt32(2))) + count;
            }
        }

        return depth;
    }

    // A resident who blocked the bot gets nothing more until they unblock it.
    private static async Task MarkBlockedAsync(AntqDb db, string channel, string chatId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Residents.Where(r => r.Channel == channel && r.ChatId == chatId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResidentStatus.Blocked).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        await db.Outbox.Where(o => o.Channel == channel && o.ChatId == chatId && o.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Blocked), cancellationToken);
    }

    private static OutboxMessage Read(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        Channel = reader.GetString(1),
        ChatId = reader.GetString(2),
        Priority = (DeliveryPriority)reader.GetInt32(3),
        Payload = reader.GetString(4),
        Status = DeliveryStatus.InFlight,
        Attempts = reader.GetInt32(5),
        CreatedAt = reader.Utc(6),
        NotBefore = reader.Utc(7),
        BroadcastId = reader.Int64OrNull(8),
    };

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
