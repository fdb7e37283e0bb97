using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Delivery;
using Antq.Core.Text;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Moves an event: reminders still ahead are re-armed for the new time, and those coming are told.</summary>
public sealed record MoveEvent(long EventId, DateTime StartsAt, DateTime EndsAt) : DomainChange
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

        var was = festival.StartsAt;
        festival.StartsAt = StartsAt;
        festival.EndsAt = EndsAt;
        var reminders = festival.Reminders;
        for (var i = 0; i < reminders.Count; i++)
        {
            if (StartsAt.AddMinutes(-reminders[i]) > context.Now)
            {
                festival.RemindersSent &= ~(1 << i);
            }
        }

        var coming = await context.Db.EventRsvps.AsNoTracking().Where(r => r.EventId == EventId && r.Coming).ToListAsync(cancellationToken);
        var notice = new OutgoingMessage { Text = texts.Get("vi", "event.moved_notice", festival.Title, LocalTime.Format(was, "vi"), LocalTime.Format(StartsAt, "vi")) };
        foreach (var rsvp in coming)
        {
            OutboxWriter.Enqueue(context.Db, rsvp.Channel, rsvp.ChatId, [notice], DeliveryPriority.Reminder, context.Now);
        }

        context.Reply(texts.Get("vi", "event.moved", festival.Id, LocalTime.Format(StartsAt, "vi"), coming.Count));
    }
}
