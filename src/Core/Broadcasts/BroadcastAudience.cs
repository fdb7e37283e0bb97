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
    public static Task<int> CountAsync(AntqDb db, AudienceFilter audience, CancellationToken cancellationToken)
    {
        var mask = audience.Topics;
        var residents = db.Residents.Where(r => r.Status == ResidentStatus.Active && r.ConsentedAt != null && (r.Topics & mask) != 0);
        if (audience.Wards.Count > 0)
        {
            var wards = audience.Wards;
            residents = residents.Where(r => r.WardId != null && wards.Contains(r.WardId));
        }

        if (audience.Units.Count > 0)
        {
            var units = audience.Units;
            residents = residents.Where(r => r.UnitId != null && units.Contains(r.UnitId));
        }

        if (audience.Language is { } language)
        {
            residents = residents.Where(r => r.Language == language);
        }

        return residents.CountAsync(cancellationToken);
    }

    /// <summary>Writes one outbox row per recipient, not to be sent before <paramref name="notBefore"/>; returns how many.</summary>
    public static Task<int> ExpandAsync(AntqDb db, Broadcast broadcast, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage
        {
            Text = broadcast.Text,
            Media = broadcast.PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, broadcast.PhotoFileId, Channel: broadcast.PhotoChannel),
        };
        return ExpandAsync(db, message, broadcast.Audience, broadcast.Id, DeliveryPriority.Broadcast, now, notBefore, cancellationToken);
    }

    /// <summary>One outbox row with <paramref name="message"/> for every active, consenting follower of <paramref name="topics"/> in the wards.</summary>
    public static Task<int> ExpandAsync(AntqDb db, OutgoingMessage message, Topics topics, IReadOnlyList<string> wards, long? broadcastId, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken) =>
        ExpandAsync(db, message, AudienceFilter.Of(topics, wards), broadcastId, priority, now, notBefore, cancellationToken);

    /// <summary>One outbox row with <paramref name="message"/> for every active, consenting resident the audience covers.</summary>
    public static Task<int> ExpandAsync(AntqDb db, OutgoingMessage message, AudienceFilter audience, long? broadcastId, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
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
            (int)audience.Topics,
        };
        var sql = """
            INSERT INTO "outbox" ("Channel", "ChatId", "Priority", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore", "BroadcastId")
            SELECT r."Channel", r."ChatId", {0}, {1}, {2}, 0, {3}, {4}, BROADCAST
            FROM "residents" AS r
            WHERE r."Status" = {6} AND r."ConsentedAt" IS NOT NULL AND (r."Topics" & {7}) <> 0
            """.Replace("BROADCAST", broadcastId is null ? "NULL" : "{5}", StringComparison.Ordinal)
            + In("WardId", audience.Wards, parameters)
            + In("UnitId", audience.Units, parameters)
            + In("Language", audience.Language is { } language ? [language] : [], parameters);
        return db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    private static string In(string column, IReadOnlyList<string> values, List<object> parameters)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var placeholders = values.Select((_, i) => "{" + (parameters.Count + i) + "}").ToList();
        parameters.AddRange(values);
        return $" AND r.\"{column}\" IN ({string.Join(", ", placeholders)})";
    }
}
