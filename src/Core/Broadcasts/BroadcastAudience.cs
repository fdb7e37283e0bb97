using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>
/// Who a broadcast reaches: active residents who consented, in its wards, following its topic — each once.
/// Expansion is one INSERT … SELECT (plain SQL every provider speaks), not a round trip per resident.
/// </summary>
public static class BroadcastAudience
{
    public static Task<int> CountAsync(AntqDb db, BroadcastTopic topic, IReadOnlyList<string> wards, CancellationToken cancellationToken)
    {
        var mask = BroadcastTopics.Followers(topic);
        var residents = db.Residents.Where(r => r.Status == ResidentStatus.Active && r.ConsentedAt != null && (r.Topics & mask) != 0);
        if (wards.Count > 0)
        {
            residents = residents.Where(r => r.WardId != null && wards.Contains(r.WardId));
        }

        return residents.CountAsync(cancellationToken);
    }

    /// <summary>Writes one outbox row per recipient, not to be sent before <paramref name="notBefore"/>; returns how many.</summary>
    public static Task<int> ExpandAsync(AntqDb db, Broadcast broadcast, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage
        {
            Text = broadcast.Text,
            Media = broadcast.PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, broadcast.PhotoFileId),
        };
        return ExpandAsync(db, message, BroadcastTopics.Followers(broadcast.Topic), broadcast.Wards, broadcast.Id, DeliveryPriority.Broadcast, now, notBefore, cancellationToken);
    }

    /// <summary>One outbox row with <paramref name="message"/> for every active, consenting follower of <paramref name="topics"/> in the wards.</summary>
    public static Task<int> ExpandAsync(AntqDb db, OutgoingMessage message, Topics topics, IReadOnlyList<string> wards, long? broadcastId, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
    {
        // A null id is written as NULL in the SQL: a null parameter has no type to bind with.
        var parameters = new List<object>
        {
            (int)priority,
            JsonSerializer.Serialize(message, OutboxWriter.Json),
            (int)DeliveryStatus.Queued,
            now,
            notBefore,
            broadcastId ?? 0,
            (int)ResidentStatus.Active,
            (int)topics,
        };
        var wardClause = "";
        if (wards.Count > 0)
        {
            var placeholders = wards.Select((w, i) => "{" + (parameters.Count + i) + "}");
            wardClause = $" AND r.\"WardId\" IN ({string.Join(", ", placeholders)})";
            parameters.AddRange(wards);
        }

        var sql = """
            INSERT INTO "outbox" ("Channel", "ChatId", "Priority", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore", "BroadcastId")
            SELECT r."Channel", r."ChatId", {0}, {1}, {2}, 0, {3}, {4}, BROADCAST
            FROM "residents" AS r
            WHERE r."Status" = {6} AND r."ConsentedAt" IS NOT NULL AND (r."Topics" & {7}) <> 0
            """.Replace("BROADCAST", broadcastId is null ? "NULL" : "{5}", StringComparison.Ordinal) + wardClause;
        return db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }
}
