using Antq.Core.Conversations;
using Antq.Core.Officers;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>The officer confirmed an event: it is stored and announced to the ward's followers (after quiet hours).</summary>
public sealed record CreateEvent(EventDraft Draft) : DomainChange;

/// <summary>A resident of the event's ward answers "I'll come" or "Can't come"; the latest answer counts.</summary>
public sealed record RecordRsvp(long EventId, bool Coming, string Language) : DomainChange;

/// <summary>/events: an officer's upcoming events with the answers so far, each with a cancel button.</summary>
public sealed record ListEvents : DomainChange;

/// <summary>Cancels an event; those who said they would come are told, and no reminder goes out.</summary>
public sealed record CancelEvent(long EventId) : DomainChange;

/// <summary>The resident's "Events" entry: upcoming events of their ward, each with the answer buttons.</summary>
public sealed record ShowUpcomingEvents(string Language) : DomainChange;

/// <summary>An event the acting officer may change: in their area and not cancelled; null otherwise.</summary>
internal static class ManagedEvent
{
    public static async Task<FestivalEvent?> FindAsync(ChangeContext context, long eventId, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var festival = await context.Db.Events.SingleOrDefaultAsync(e => e.Id == eventId, cancellationToken);
        return officer is null || festival is null || !officer.Covers(festival.WardId) || festival.Status == EventStatus.Cancelled ? null : festival;
    }
}
