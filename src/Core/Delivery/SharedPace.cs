using Antq.Core.Instances;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Delivery;

/// <summary>
/// A channel's send slots, shared through the database by every instance: a channel's rate limit belongs to its bot
/// token, not to one process. Each rate has a row (<see cref="ChannelPace"/>) holding the next free slot on the database
/// server's clock; an instance reserves a few slots at once with one atomic upsert … RETURNING, spaced so that the slots
/// of all instances together never put more than the limit in any second (<see cref="SharedChannelGate"/>).
/// </summary>
public sealed class SharedPace(IDbContextFactory<AntqDb> dbFactory, StorageProvider storage, ThisInstance me)
{
    /// <summary>True where several instances may send (a shared database); otherwise each channel paces itself in process.</summary>
    public bool Enabled => me.Shared;

    /// <summary>
    /// Reserves <paramref name="count"/> slots <paramref name="step"/> apart on the rate <paramref name="key"/>, the first
    /// no sooner than <paramref name="lead"/> from now; returns how long from now the first one is, on the server's clock.
    /// A count of zero with a lead pushes the rate's next slot that far out (a "retry after" for every instance).
    /// </summary>
    public async Task<TimeSpan> ReserveAsync(string key, int count, TimeSpan step, TimeSpan lead, CancellationToken cancellationToken)
    {
        var now = SqlDialect.ServerSeconds(storage.Provider);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().Command(
            null,
            $"""INSERT INTO "channel_pace" ("Channel", "NextAt") VALUES (@key, {now} + @lead + @span) """ +
            $"""ON CONFLICT ("Channel") DO UPDATE SET "NextAt" = CASE WHEN "channel_pace"."NextAt" > {now} + @lead THEN "channel_pace"."NextAt" ELSE {now} + @lead END + @span """ +
            $"""RETURNING "NextAt" - @span - {now}""");
        var span = count * step.TotalSeconds;
        command.With("@key", key).With("@lead", lead.TotalSeconds).With("@span", span);
        var first = Convert.ToDouble(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(first);
    }
}
