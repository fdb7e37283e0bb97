using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="UpdateBroadcast"/> in the engine's transaction.</summary>
public sealed class UpdateBroadcastHandler(TextCatalog texts) : IChangeHandler<UpdateBroadcast>
{
    public async Task ApplyAsync(UpdateBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var b = await ManagedBroadcast.FindAsync(context, change.BroadcastId, cancellationToken);
        if (b is null || b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Paused))
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.cannot_manage"));
            return;
        }

        if (change.Text is not null && b.PhotoFileId is not null && change.Text.Length > BroadcastDraft.MaxCaptionLength)
        {
            context.Reply(texts.Get(Languages.Officers, "error.too_long", BroadcastDraft.MaxCaptionLength));
            return;
        }

        // Weekly with no day at all is not a repetition: refused, as the chat's day picker refuses it.
        var days = change.Weekdays is { } chosen && b.Recurrence == Recurrence.Weekly ? chosen : (int?)null;
        if (days is not null and not (> 0 and < 128))
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.pick_a_day"));
            return;
        }

        if (change.Text is not null)
        {
            b.Text = change.Text;
            context.Reply(texts.Get(Languages.Officers, "broadcast.text_changed", b.Id));
        }

        if (days is not null)
        {
            b.Weekdays = days.Value;
        }

        if (change.At is { } at)
        {
            // With new days too, the first time is the first of those days from then.
            var first = b.Recurrence == Recurrence.None ? at : Recurrences.First(b.Recurrence, at, b.Weekdays);
            b.ScheduledFor = first;
            b.FirstAt = b.Recurrence == Recurrence.None ? null : first;
            context.Reply(texts.Get(Languages.Officers, "broadcast.time_changed", b.Id, LocalTime.Format(first, Languages.Officers)));
        }

        if (days is not null)
        {
            if (change.At is null)
            {
                b.ScheduledFor = Recurrences.Next(Recurrence.Weekly, b.FirstAt ?? b.ScheduledFor, context.Now, b.Weekdays);
            }

            var label = BroadcastFlow.RepeatLabel((key, args) => texts.Get(Languages.Officers, key, args), b.Recurrence, b.Weekdays);
            context.Reply(texts.Get(Languages.Officers, "broadcast.days_changed", b.Id, label, LocalTime.Format(b.ScheduledFor, Languages.Officers)));
        }
    }
}
