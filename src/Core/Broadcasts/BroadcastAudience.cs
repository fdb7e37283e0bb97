using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>
/// Who a broadcast reaches: active residents who consented, in its wards, following its topic (an urgent alert: all of
/// them) — each once.
/// Expansion is one INSERT … SELECT through <see cref="OutboxWriter.WriteForAsync"/>, not a round trip per resident.
/// </summary>
public static class BroadcastAudience
{
    public static Task<int> CountAsync(AntqDb db, AudienceFilter audience, CancellationToken cancellationToken)
    {
        var mask = audience.Topics;
        var residents = db.Residents.Where(r => r.Status == ResidentStatus.Active && r.ConsentedAt != null);
        if (!audience.Everyone)
        {
            residents = residents.Where(r => (r.Topics & mask) != 0);
        }

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
    public static Task<int> ExpandAsync(WriteScope scope, Broadcast broadcast, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage
        {
            Text = broadcast.Text,
            Media = broadcast.PhotoFileId is null ? null : new MediaRef(AttachmentKind.Photo, broadcast.PhotoFileId, Channel: broadcast.PhotoChannel),
        };
        return ExpandAsync(scope, message, broadcast.Audience, broadcast.Id, DeliveryPriority.Broadcast, now, notBefore, cancellationToken);
    }

    /// <summary>One outbox row with <paramref name="message"/> for every active, consenting follower of <paramref name="topics"/> in the wards.</summary>
    public static Task<int> ExpandAsync(WriteScope scope, OutgoingMessage message, Topics topics, IReadOnlyList<string> wards, long? broadcastId, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken) =>
        ExpandAsync(scope, message, AudienceFilter.Of(topics, wards), broadcastId, priority, now, notBefore, cancellationToken);

    /// <summary>One outbox row with <paramref name="message"/> for every active, consenting resident the audience covers.</summary>
    public static Task<int> ExpandAsync(WriteScope scope, OutgoingMessage message, AudienceFilter audience, long? broadcastId, DeliveryPriority priority, DateTime now, DateTime notBefore, CancellationToken cancellationToken)
    {
        var parameters = new SqlParameters { ["@active"] = (int)ResidentStatus.Active, ["@topics"] = (int)audience.Topics };
        var recipients = """
            FROM "residents" AS r
            WHERE r."Status" = @active AND r."ConsentedAt" IS NOT NULL
            """
            + (audience.Everyone ? "" : """ AND (r."Topics" & @topics) <> 0""")
            + In("WardId", audience.Wards, parameters)
            + In("UnitId", audience.Units, parameters)
            + In("Language", audience.Language is { } language ? [language] : [], parameters);
        return OutboxWriter.WriteForAsync(scope, recipients, parameters, message, priority, now, notBefore, cancellationToken, broadcastId);
    }

    private static string In(string column, IReadOnlyList<string> values, SqlParameters parameters) =>
        values.Count == 0 ? "" : $" AND r.\"{column}\" IN ({parameters.List(column, values)})";
}
