using System.Globalization;
using Antq.Core.Instances;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Delivery;

/// <summary>
/// A channel's send slots, shared through the database by every instance: a channel's rate limit belongs to its bot
/// token, not to one process. A rate of <c>limit</c> a second has <c>limit</c> slot rows (<see cref="ChannelSlot"/>);
/// a message goes only in a slot its instance took, and the slot is free again a second after the channel answered it
/// (<see cref="SharedChannelGate"/>). A "retry after" is the rate's <see cref="ChannelPace"/> row: no slot is taken
/// before it. Used on PostgreSQL only (a shared database); the statements take rows with <c>FOR UPDATE SKIP LOCKED</c>.
/// </summary>
public sealed class SharedPace(IDbContextFactory<AntqDb> dbFactory, StorageProvider storage, ThisInstance me)
{
    /// <summary>True where several instances may send (a shared database); otherwise each channel paces itself in process.</summary>
    public bool Enabled => me.Shared;

    private string Now => SqlDialect.ServerSeconds(storage.Provider);

    /// <summary>Makes sure the rate <paramref name="key"/> has its <paramref name="limit"/> slot rows (free from the start).</summary>
    public Task AddSlotsAsync(string key, int limit, CancellationToken cancellationToken) =>
        RunAsync(
            """INSERT INTO "channel_slots" ("Channel", "Slot", "FreeAt", "Pass") SELECT @key, s, 0, 0 FROM generate_series(0, @limit - 1) AS s ON CONFLICT ("Channel", "Slot") DO NOTHING""",
            command => command.With("@key", key).With("@limit", limit),
            cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="count"/> free slots of the rate <paramref name="key"/> for this instance, held for
    /// <paramref name="hold"/> unless released sooner. When none is free, says how long until one may be: the soonest
    /// slot's free time, or the end of a "retry after".
    /// </summary>
    public async Task<SlotGrant> TakeAsync(string key, int limit, int count, TimeSpan hold, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(
            null,
            $"""
            WITH "paused" AS (SELECT "NextAt" FROM "channel_pace" WHERE "Channel" = @key AND "NextAt" > {Now}),
            "free" AS (
                SELECT "Slot" FROM "channel_slots"
                WHERE "Channel" = @key AND "Slot" < @limit AND "FreeAt" <= {Now} AND NOT EXISTS (SELECT 1 FROM "paused")
                ORDER BY "FreeAt" LIMIT @count FOR UPDATE SKIP LOCKED),
            "taken" AS (
                UPDATE "channel_slots" AS s SET "FreeAt" = {Now} + @hold, "Pass" = s."Pass" + 1, "Holder" = @me
                FROM "free" WHERE s."Channel" = @key AND s."Slot" = "free"."Slot"
                RETURNING s."Slot", s."Pass")
            SELECT "Slot", "Pass", 0.0 AS "Wait" FROM "taken"
            UNION ALL
            SELECT -1, 0, COALESCE((SELECT MAX("NextAt") FROM "paused"), (SELECT MIN("FreeAt") FROM "channel_slots" WHERE "Channel" = @key AND "Slot" < @limit)) - {Now}
            WHERE NOT EXISTS (SELECT 1 FROM "taken")
            """);
        command.With("@key", key).With("@limit", limit).With("@count", count).With("@hold", hold.TotalSeconds).With("@me", me.Id);
        var slots = new List<(int Slot, long Pass)>();
        var wait = TimeSpan.Zero;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var slot = reader.GetInt32(0);
                if (slot >= 0)
                {
                    slots.Add((slot, reader.GetInt64(1)));
                }
                else if (!reader.IsDBNull(2))
                {
                    wait = TimeSpan.FromSeconds(Math.Max(0, Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
                }
            }
        }

        return new SlotGrant(slots, wait);
    }

    /// <summary>
    /// The channel answered the messages of these slot uses: each slot is free again <paramref name="window"/> from now, on
    /// the server's clock (the message arrived before its answer, and so before now). A use already taken back is left.
    /// </summary>
    public Task ReleaseAsync(string key, IReadOnlyList<(int Slot, long Pass)> uses, TimeSpan window, CancellationToken cancellationToken)
    {
        var pairs = string.Join(", ", uses.Select((_, i) => $"(@s{i}, @p{i})"));
        return RunAsync(
            $"""UPDATE "channel_slots" SET "FreeAt" = {Now} + @window, "Holder" = NULL WHERE "Channel" = @key AND ("Slot", "Pass") IN (VALUES {pairs})""",
            command =>
            {
                command.With("@key", key).With("@window", window.TotalSeconds);
                for (var i = 0; i < uses.Count; i++)
                {
                    command.With($"@s{i}", uses[i].Slot).With($"@p{i}", uses[i].Pass);
                }
            },
            cancellationToken);
    }

    /// <summary>No instance takes a slot of the rate <paramref name="key"/> for <paramref name="pause"/> (the channel said "retry after").</summary>
    public Task PauseAsync(string key, TimeSpan pause, CancellationToken cancellationToken) =>
        RunAsync(
            $"""INSERT INTO "channel_pace" ("Channel", "NextAt") VALUES (@key, {Now} + @pause) """ +
            $"""ON CONFLICT ("Channel") DO UPDATE SET "NextAt" = CASE WHEN "channel_pace"."NextAt" > excluded."NextAt" THEN "channel_pace"."NextAt" ELSE excluded."NextAt" END""",
            command => command.With("@key", key).With("@pause", pause.TotalSeconds),
            cancellationToken);

    /// <summary>
    /// Slots held by instances not seen for <paramref name="deadAfter"/> are free a <paramref name="window"/> from now:
    /// a gone instance sends nothing more, and whatever it had on the way has arrived by then.
    /// </summary>
    public Task<int> ReleaseGoneAsync(TimeSpan deadAfter, TimeSpan window, CancellationToken cancellationToken) =>
        RunAsync(
            $"""UPDATE "channel_slots" SET "FreeAt" = {Now} + @window, "Holder" = NULL WHERE "Holder" IS NOT NULL """ +
            $"""AND "Holder" NOT IN (SELECT "Id" FROM "instances" WHERE "SeenAt" >= {SqlDialect.HeartbeatNow(storage.Provider)} - @deadAfter)""",
            command => command.With("@window", window.TotalSeconds).With("@deadAfter", deadAfter),
            cancellationToken);

    private async Task<int> RunAsync(string sql, Action<System.Data.Common.DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(null, sql);
        parameters(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
