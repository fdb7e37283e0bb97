using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Diagnostics;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Inbox;

/// <summary>Stores received updates before the channel is acknowledged; a repeated update id is stored once.</summary>
public sealed class InboxStore(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, TimeProvider time, AntqMetrics metrics)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the messages in one transaction and returns the new rows, in the order received.</summary>
    public async Task<IReadOnlyList<StoredUpdate>> StoreAsync(IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        var unique = messages.DistinctBy(m => (m.Channel, m.UpdateId)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var rows = new List<InboxUpdate>(unique.Count);
        using (await writeGate.EnterAsync(cancellationToken))
        {
            foreach (var channel in unique.GroupBy(m => m.Channel))
            {
                var ids = channel.Select(m => m.UpdateId).ToList();
                var known = await db.Inbox.Where(i => i.Channel == channel.Key && ids.Contains(i.ExternalId))
                    .Select(i => i.ExternalId).ToListAsync(cancellationToken);
                rows.AddRange(channel.Where(m => !known.Contains(m.UpdateId)).Select(m => new InboxUpdate
                {
                    Channel = m.Channel,
                    ExternalId = m.UpdateId,
                    ChatId = m.ChatId,
                    Payload = JsonSerializer.Serialize(m, Json),
                    ReceivedAt = now,
                }));
            }

            db.Inbox.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }

        foreach (var channel in rows.GroupBy(r => r.Channel))
        {
            metrics.Received(channel.Key, channel.Count());
        }

        return rows.OrderBy(r => r.Id).Select(r => new StoredUpdate(r.Id, r.Channel, r.ChatId)).ToList();
    }

    /// <summary>Rows not handled yet (after a crash or a restart), oldest first.</summary>
    public async Task<IReadOnlyList<StoredUpdate>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.Where(i => i.HandledAt == null).OrderBy(i => i.Id)
            .Select(i => new StoredUpdate(i.Id, i.Channel, i.ChatId)).ToListAsync(cancellationToken);
    }
}
