using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Events;

/// <summary>
/// Event reminders, run by the Quartz clock job: at each reminder time before the start (moved earlier when it
/// would fall in quiet hours), to those who said they would come and to followers who did not answer. A
/// reminder of a past or cancelled event never goes.
/// </summary>
public sealed class EventClock(IDbContextFactory<AntqDb> dbFactory, WriteGate writeGate, TextCatalog texts, DeliverySignal delivery, TimeProvider time, IOptions<DeliveryOptions> deliveryOptions)
{
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        QuietHours.TryParse(deliveryOptions.Value.QuietHours, out var quiet);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var soon = now.AddDays(8);
        var upcoming = db.Events.Where(e => e.Status == EventStatus.Scheduled && e.StartsAt > now && e.StartsAt < soon);

        // Most ticks have no reminder due: they find it out without taking the single writer's turn.
        if (!(await upcoming.AsNoTracking().ToListAsync(cancellationToken)).Any(e => Enumerable.Range(0, e.Reminders.Count).Any(i => Due(e, i, now, quiet))))
        {
            return;
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var scope = WriteScope.Of(db);
            foreach (var festival in await upcoming.ToListAsync(cancellationToken))
            {
                var reminders = festival.Reminders;
                for (var i = 0; i < reminders.Count; i++)
                {
                    if (!Due(festival, i, now, quiet))
                    {
                        continue;
                    }

                    festival.RemindersSent |= 1 << i;

                    // Only the latest reminder that is due goes: after a restart no one gets three at once.
                    if (reminders.Skip(i + 1).Select(m => festival.StartsAt.AddMinutes(-m)).Any(later => later <= now))
                    {
                        continue;
                    }

                    await RemindAsync(scope, festival, now, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (scope.Queued > 0)
            {
                delivery.Notify();
            }
        }
    }

    /// <summary>Reminder <paramref name="i"/> of the event is due and not sent yet.</summary>
    private static bool Due(FestivalEvent festival, int i, DateTime now, QuietHours? quiet)
    {
        if ((festival.RemindersSent & (1 << i)) != 0)
        {
            return false;
        }

        var due = festival.StartsAt.AddMinutes(-festival.Reminders[i]);
        return (quiet?.PreviousAllowed(due) ?? due) <= now;
    }

    private Task<int> RemindAsync(WriteScope scope, FestivalEvent festival, DateTime now, CancellationToken cancellationToken)
    {
        var message = new OutgoingMessage
        {
            Text = texts.Get(Languages.Default, "event.reminder", festival.Title, LocalTime.Format(festival.StartsAt, Languages.Default), festival.Place),
            Buttons = [[new Button(texts.Get(Languages.Default, "event.coming"), new RsvpButton(festival.Id, Coming: true).Data), new Button(texts.Get(Languages.Default, "event.not_coming"), new RsvpButton(festival.Id, Coming: false).Data)]],
        };
        const string Recipients = """
            FROM "residents" AS r
            WHERE r."Status" = @active AND r."ConsentedAt" IS NOT NULL AND (
                EXISTS (SELECT 1 FROM "event_rsvps" AS v WHERE v."EventId" = @event AND v."Channel" = r."Channel" AND v."ChatId" = r."ChatId" AND v."Coming" = @coming)
                OR (r."WardId" = @ward AND (r."Topics" & @topics) <> 0
                    AND NOT EXISTS (SELECT 1 FROM "event_rsvps" AS v WHERE v."EventId" = @event AND v."Channel" = r."Channel" AND v."ChatId" = r."ChatId")))
            """;
        var recipients = new SqlParameters
        {
            ["@active"] = (int)ResidentStatus.Active,
            ["@event"] = festival.Id,
            ["@coming"] = true,
            ["@ward"] = festival.WardId,
            ["@topics"] = (int)Topics.Events,
        };
        return OutboxWriter.WriteForAsync(scope, Recipients, recipients, message, DeliveryPriority.Reminder, now, now, cancellationToken);
    }
}
