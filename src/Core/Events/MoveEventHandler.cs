using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="MoveEvent"/> in the engine's transaction.</summary>
public sealed class MoveEventHandler(TextCatalog texts) : IChangeHandler<MoveEvent>
{
    public async Task ApplyAsync(MoveEvent change, ChangeContext context, CancellationToken cancellationToken)
    {
        var festival = await ManagedEvent.FindAsync(context, change.EventId, cancellationToken);
        if (festival is null)
        {
            context.Reply(texts.Get(Languages.Officers, "event.cannot_cancel"));
            return;
        }

        var was = festival.StartsAt;
        festival.StartsAt = change.StartsAt;
        festival.EndsAt = change.EndsAt;
        var reminders = festival.Reminders;
        for (var i = 0; i < reminders.Count; i++)
        {
            if (change.StartsAt.AddMinutes(-reminders[i]) > context.Now)
            {
                festival.RemindersSent &= ~(1 << i);
            }
        }

        var coming = await context.Db.EventRsvps.AsNoTracking().Where(r => r.EventId == change.EventId && r.Coming).ToListAsync(cancellationToken);
        var notice = new OutgoingMessage { Text = texts.Get(Languages.Default, "event.moved_notice", festival.Title, LocalTime.Format(was, Languages.Default), LocalTime.Format(change.StartsAt, Languages.Default)) };
        foreach (var rsvp in coming)
        {
            context.Send(rsvp.Channel, rsvp.ChatId, [notice], DeliveryPriority.Reminder);
        }

        context.Reply(texts.Get(Languages.Officers, "event.moved", festival.Id, LocalTime.Format(change.StartsAt, Languages.Officers), coming.Count));
    }
}
