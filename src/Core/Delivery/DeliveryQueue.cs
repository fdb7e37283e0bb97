using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Delivery;

/// <summary>The outbox as the dispatcher sees it: lease a batch by priority, then record outcomes in bulk.</summary>
public sealed class DeliveryQueue(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, TimeProvider time)
{
    /// <summary>Leases up to <paramref name="max"/> rows that are due (and rows whose lease ran out), replies first.</summary>
    public async Task<List<OutboxMessage>> LeaseAsync(IReadOnlyCollection<string> channels, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            // One query per status rather than one with an OR: with the OR, SQLite walks every row of the channel
            // (sent ones included, so the lease got slower as the outbox grew); each of these seeks by status.
            var due = await db.Outbox.AsNoTracking()
                .Where(o => o.Status == DeliveryStatus.Queued && o.NotBefore <= now && channels.Contains(o.Channel))
                .OrderBy(o => o.Priority).ThenBy(o => o.Id)
                .Take(max)
                .ToListAsync(cancellationToken);
            var expired = await db.Outbox.AsNoTracking()
                .Where(o => o.Status == DeliveryStatus.InFlight && o.LeaseUntil < now && channels.Contains(o.Channel))
                .OrderBy(o => o.Priority).ThenBy(o => o.Id)
                .Take(max)
                .ToListAsync(cancellationToken);
            var rows = expired.Count == 0 ? due : due.Concat(expired).OrderBy(o => o.Priority).ThenBy(o => o.Id).Take(max).ToList();
            if (rows.Count == 0)
            {
                return rows;
            }

            var ids = rows.Select(r => r.Id).ToList();
            var until = now + lease;
            await db.Outbox.Where(o => ids.Contains(o.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.InFlight).SetProperty(o => o.LeaseUntil, until), cancellationToken);
            return rows;
        }
    }

    /// <summary>Records outcomes with one statement per kind of outcome, in one transaction.</summary>
    public async Task CompleteAsync(IReadOnlyCollection<DeliveryOutcome> outcomes, CancellationToken cancellationToken)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var group in outcomes.GroupBy(o => (o.Status, o.NotBefore, o.Error, o.CountsAsAttempt)))
            {
                var ids = group.Select(o => o.Id).ToList();
                var (status, notBefore, error, counts) = group.Key;
                var increment = counts ? 1 : 0;
                var sentAt = status == DeliveryStatus.Sent ? now : (DateTime?)null;
                await db.Outbox.Where(o => ids.Contains(o.Id)).ExecuteUpdateAsync(
                    s => s.SetProperty(o => o.Status, status)
                        .SetProperty(o => o.Attempts, o => o.Attempts + increment)
                        .SetProperty(o => o.LeaseUntil, (DateTime?)null)
                        .SetProperty(o => o.NotBefore, o => notBefore ?? o.NotBefore)
                        .SetProperty(o => o.SentAt, o => sentAt ?? o.SentAt)
                        .SetProperty(o => o.LastError, o => error ?? o.LastError),
                    cancellationToken);
            }

            // Rare (progress messages only): one small update each.
            foreach (var kept in outcomes.Where(o => o.ChannelMessageId is not null))
            {
                await db.Outbox.Where(o => o.Id == kept.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ChannelMessageId, kept.ChannelMessageId), cancellationToken);
            }

            foreach (var chat in outcomes.Where(o => o.Status == DeliveryStatus.Blocked).Select(o => (o.Channel, o.ChatId)).Distinct())
            {
                await MarkBlockedAsync(db, chat.Channel, chat.ChatId, now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    public async Task<int> CountQueuedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Outbox.CountAsync(o => o.Status == DeliveryStatus.Queued || o.Status == DeliveryStatus.InFlight, cancellationToken);
    }

    // A resident who blocked the bot gets nothing more until they unblock it.
    private static async Task MarkBlockedAsync(AntqDb db, string channel, string chatId, DateTime now, CancellationToken cancellationToken)
    {
        await db.Residents.Where(r => r.Channel == channel && r.ChatId == chatId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResidentStatus.Blocked).SetProperty(r => r.UpdatedAt, now), cancellationToken);
        await db.Outbox.Where(o => o.Channel == channel && o.ChatId == chatId && o.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Blocked), cancellationToken);
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
