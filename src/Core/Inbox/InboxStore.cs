using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Diagnostics;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Inbox;

/// <summary>Stores received updates before the channel is acknowledged; a repeated update id is stored once.</summary>
public sealed class InboxStore(IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, TimeProvider time, AntqMetrics metrics)
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
        var payloads = unique.Select(m => JsonSerializer.Serialize(m, Json)).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var rows = new List<StoredUpdate>(unique.Count);
        await writer.WriteAsync(async (scope, ct) =>
        {
            // A repeated update id (a webhook retried, a poll repeated after a crash) is stored once: the insert is skipped.
            var command = scope.Statement(
                """
                INSERT INTO "inbox" ("Channel", "ExternalId", "ChatId", "Payload", "ReceivedAt") VALUES (@channel, @external, @chat, @payload, @received)
                ON CONFLICT ("Channel", "ExternalId") DO NOTHING RETURNING "Id"
                """);
            command.Set("@received", now);
            for (var i = 0; i < unique.Count; i++)
            {
                var m = unique[i];
                command.Set("@channel", m.Channel).Set("@external", m.UpdateId).Set("@chat", m.ChatId).Set("@payload", payloads[i]);
                if (await command.ExecuteScalarAsync(ct) is long id)
                {
                    rows.Add(new StoredUpdate(id, m.Channel, m.ChatId));
                }
            }

            return rows.Count;
        });

        foreach (var channel in rows.GroupBy(r => r.Channel))
        {
            metrics.Received(channel.Key, channel.Count());
        }

        return rows;
    }

    /// <summary>Rows not handled yet (after a crash or a restart), oldest first.</summary>
    public async Task<IReadOnlyList<StoredUpdate>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.Where(i => i.HandledAt == null).OrderBy(i => i.Id)
            .Select(i => new StoredUpdate(i.Id, i.Channel, i.ChatId)).ToListAsync(cancellationToken);
    }

    /// <summary>Up to <paramref name="max"/> rows received before <paramref name="before"/> and not handled yet, oldest first.</summary>
    public async Task<IReadOnlyList<StoredUpdate>> UnhandledBeforeAsync(DateTime before, int max, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Inbox.Where(i => i.HandledAt == null && i.ReceivedAt < before).OrderBy(i => i.Id).Take(max)
            .Select(i => new StoredUpdate(i.Id, i.Channel, i.ChatId)).ToListAsync(cancellationToken);
    }
}
