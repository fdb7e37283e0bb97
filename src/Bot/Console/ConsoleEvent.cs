using Antq.Core.Events;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole;

/// <summary>An event as the console lists it, with the residents' answers so far.</summary>
public sealed record ConsoleEvent(FestivalEvent Event, int Coming, int NotComing)
{
    /// <summary>How many of its reminders went (a bit each in <see cref="FestivalEvent.RemindersSent"/>).</summary>
    public int RemindersSent => Enumerable.Range(0, Event.Reminders.Count).Count(i => (Event.RemindersSent & (1 << i)) != 0);

    /// <summary>The events an officer's scope covers (their ward's, the city's for an admin): upcoming first by start, then past ones newest first.</summary>
    public static async Task<(IReadOnlyList<ConsoleEvent> Upcoming, IReadOnlyList<ConsoleEvent> Past)> LoadAsync(AntqDb db, Officer officer, DateTime now, CancellationToken cancellationToken)
    {
        var upcoming = await WithAnswers(db, InScope(db, officer).Where(e => e.Status == EventStatus.Scheduled && e.EndsAt > now).OrderBy(e => e.StartsAt).Take(50))
            .ToListAsync(cancellationToken);
        var past = await WithAnswers(db, InScope(db, officer).Where(e => e.Status != EventStatus.Scheduled || e.EndsAt <= now).OrderByDescending(e => e.StartsAt).Take(20))
            .ToListAsync(cancellationToken);
        return (upcoming, past);
    }

    /// <summary>One event in the officer's scope, or null (the page then answers 404).</summary>
    public static Task<FestivalEvent?> FindAsync(AntqDb db, Officer officer, long id, CancellationToken cancellationToken) =>
        InScope(db, officer).SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    private static IQueryable<ConsoleEvent> WithAnswers(AntqDb db, IQueryable<FestivalEvent> events) =>
        events.Select(e => new ConsoleEvent(e, db.EventRsvps.Count(r => r.EventId == e.Id && r.Coming), db.EventRsvps.Count(r => r.EventId == e.Id && !r.Coming)));

    private static IQueryable<FestivalEvent> InScope(AntqDb db, Officer officer)
    {
        var events = db.Events.AsNoTracking();
        return officer.Role == OfficerRole.Admin ? events : events.Where(e => e.WardId == officer.WardId);
    }
}
