using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="CancelEvent"/> in the engine's transaction.</summary>
public sealed class CancelEventHandler(TextCatalog texts) : IChangeHandler<CancelEvent>
{
    public async Task ApplyAsync(CancelEvent change, ChangeContext context, CancellationToken cancellationToken)
    {
        var festival = await ManagedEvent.FindAsync(context, change.EventId, cancellationToken);
        if (festival is null)
        {
            context.Reply(texts.Get(Languages.Officers, "event.cannot_cancel"));
            return;
        }

        festival.Status = EventStatus.Cancelled;
        var coming = await context.Db.EventRsvps.AsNoTracking().Where(r => r.EventId == change.EventId && r.Coming).ToListAsync(cancellationToken);
        var notice = new OutgoingMessage { Text = texts.Get(Languages.Default, "event.cancelled_notice", festival.Title, LocalTime.Format(festival.StartsAt, Languages.Default)) };
        foreach (var rsvp in coming)
        {
            context.Send(rsvp.Channel, rsvp.ChatId, [notice], DeliveryPriority.Reminder);
        }

        context.Reply(texts.Get(Languages.Officers, "event.cancelled", festival.Id, coming.Count));
    }
}
