using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Core.Residents.Steps;
using Antq.Core.Text;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Events;

/// <summary>The officer confirmed an event: it is stored and announced to the ward's followers (after quiet hours).</summary>
public sealed record CreateEvent(EventDraft Draft) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null || Draft.WardId is null || !officer.Covers(Draft.WardId))
        {
            context.Reply(texts.Get("vi", "broadcast.not_allowed"));
            return;
        }

        var festival = new FestivalEvent
        {
            OfficerId = officer.Id,
            Title = Draft.Title!,
            Description = Draft.Description!,
            WardId = Draft.WardId,
            Place = Draft.Place!,
            StartsAt = Draft.StartsAt!.Value,
            EndsAt = Draft.EndsAt!.Value,
            ReminderMinutes = EventReminders.Text((Draft.Reminders ?? EventReminders.Default).Where(EventReminders.Offered.Contains)),
            CreatedAt = context.Now,
        };
        context.Db.Events.Add(festival);
        await context.Db.SaveChangesAsync(cancellationToken);

        var ward = context.Get<AreaTree>().FindWard(festival.WardId)!;
        var wardLabel = texts.Get("vi", ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name);
        var announcement = EventFlow.Announcement((key, args) => texts.Get("vi", key, args), festival.Id, Draft, wardLabel);
        var delivery = context.Get<IOptions<DeliveryOptions>>().Value;
        var notBefore = QuietHours.TryParse(delivery.QuietHours, out var quiet) && quiet is not null ? quiet.NextAllowed(context.Now) : context.Now;
        var count = await BroadcastAudience.ExpandAsync(context.Db, announcement, Topics.Events, [festival.WardId], null, DeliveryPriority.Broadcast, context.Now, notBefore, cancellationToken);
        context.Reply(texts.Get("vi", "event.created", festival.Id, count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))));
    }
}

/// <summary>A resident of the event's ward answers "I'll come" or "Can't come"; the latest answer counts.</summary>
public sealed record RecordRsvp(long EventId, bool Coming, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var festival = await context.Db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == EventId, cancellationToken);
        if (festival is null || festival.Status == EventStatus.Cancelled || festival.StartsAt <= context.Now)
        {
            context.Reply(texts.Get(Language, "event.closed"));
            return;
        }

        // Only residents of the event's area who consented are counted: anyone can press a button (or post one).
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not { HasConsented: true } || resident.WardId != festival.WardId)
        {
            var ward = context.Get<AreaTree>().FindWard(festival.WardId)!;
            context.Reply(texts.Get(Language, "event.residents_only", texts.Get(Language, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name)));
            return;
        }

        var (channel, chat) = (context.Input.Channel, context.Input.ChatId);
        var rsvp = await context.Db.EventRsvps.SingleOrDefaultAsync(r => r.EventId == EventId && r.Channel == channel && r.ChatId == chat, cancellationToken);
        if (rsvp is null)
        {
            rsvp = new EventRsvp { EventId = EventId, Channel = channel, ChatId = chat };
            context.Db.EventRsvps.Add(rsvp);
        }

        rsvp.Coming = Coming;
        rsvp.AnsweredAt = context.Now;
        context.Reply(texts.Get(Language, Coming ? "event.thanks_coming" : "event.thanks_not_coming", festival.Title, LocalTime.Format(festival.StartsAt, Language)));
    }
}

/// <summary>/events: an officer's upcoming events with the answers so far, each with a cancel button.</summary>
public sealed record ListEvents : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var upcoming = await context.Db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.EndsAt > context.Now && (officer.Role == OfficerRole.Admin || e.WardId == officer.WardId))
            .OrderBy(e => e.StartsAt).Take(10)
            .Select(e => new
            {
                e.Id, e.Title, e.StartsAt,
                Coming = context.Db.EventRsvps.Count(r => r.EventId == e.Id && r.Coming),
                NotComing = context.Db.EventRsvps.Count(r => r.EventId == e.Id && !r.Coming),
            })
            .ToListAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            context.Reply(texts.Get("vi", "event.none_upcoming"));
            return;
        }

        var lines = upcoming.Select(e => texts.Get("vi", "event.line", e.Id, e.Title, LocalTime.Format(e.StartsAt, "vi"), e.Coming, e.NotComing));
        var buttons = upcoming.Select(e => (IReadOnlyList<Button>)[
            new Button(texts.Get("vi", "event.move_button", e.Id), "evmove:" + e.Id.ToString(CultureInfo.InvariantCulture)),
            new Button(texts.Get("vi", "event.cancel_button", e.Id), "evcancel:" + e.Id.ToString(CultureInfo.InvariantCulture))]).ToList();
        context.Reply(new OutgoingMessage { Text = string.Join("\n", lines), Buttons = buttons });
    }
}

/// <summary>Cancels an event; those who said they would come are told, and no reminder goes out.</summary>
public sealed record CancelEvent(long EventId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var festival = await ManagedEvent.FindAsync(context, EventId, cancellationToken);
        if (festival is null)
        {
            context.Reply(texts.Get("vi", "event.cannot_cancel"));
            return;
        }

        festival.Status = EventStatus.Cancelled;
        var coming = await context.Db.EventRsvps.AsNoTracking().Where(r => r.EventId == EventId && r.Coming).ToListAsync(cancellationToken);
        var notice = new OutgoingMessage { Text = texts.Get("vi", "event.cancelled_notice", festival.Title, LocalTime.Format(festival.StartsAt, "vi")) };
        foreach (var rsvp in coming)
        {
            OutboxWriter.Enqueue(context.Db, rsvp.Channel, rsvp.ChatId, [notice], DeliveryPriority.Reminder, context.Now);
        }

        context.Reply(texts.Get("vi", "event.cancelled", festival.Id, coming.Count));
    }
}

/// <summary>The resident's "Events" entry: upcoming events of their ward, each with the answer buttons.</summary>
public sealed record ShowUpcomingEvents(string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var areas = context.Get<AreaTree>();
        var resident = await context.Db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Channel == context.Input.Channel && r.ExternalUserId == context.Input.UserId, cancellationToken);
        var upcoming = resident?.WardId is null ? [] : await context.Db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.StartsAt > context.Now && e.WardId == resident.WardId)
            .OrderBy(e => e.StartsAt).Take(5).ToListAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            context.Reply(texts.Get(Language, "event.none_for_you"));
            return;
        }

        foreach (var e in upcoming)
        {
            var ward = areas.FindWard(e.WardId)!;
            var draft = new EventDraft { Title = e.Title, Description = e.Description, Place = e.Place, StartsAt = e.StartsAt, EndsAt = e.EndsAt };
            context.Reply(EventFlow.Announcement((key, args) => texts.Get(Language, key, args), e.Id, draft, texts.Get(Language, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name), Language));
        }
    }
}

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
