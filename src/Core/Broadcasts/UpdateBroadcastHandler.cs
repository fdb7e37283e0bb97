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

        if (change.Text is not null && b.PhotoFileId is not null && change.Text.Length > 1024)
        {
            context.Reply(texts.Get(Languages.Officers, "error.too_long", 1024));
            return;
        }

        if (change.Text is not null)
        {
            b.Text = change.Text;
            context.Reply(texts.Get(Languages.Officers, "broadcast.text_changed", b.Id));
        }

        if (change.At is { } at)
        {
            var first = b.Recurrence == Recurrence.None ? at : Recurrences.First(b.Recurrence, at, b.Weekdays);
            b.ScheduledFor = first;
            b.FirstAt = b.Recurrence == Recurrence.None ? null : first;
            context.Reply(texts.Get(Languages.Officers, "broadcast.time_changed", b.Id, LocalTime.Format(first, Languages.Officers)));
        }

        if (change.Weekdays is { } days && b.Recurrence == Recurrence.Weekly && days is > 0 and < 128)
        {
            b.Weekdays = days;
            b.ScheduledFor = Recurrences.Next(Recurrence.Weekly, b.FirstAt ?? b.ScheduledFor, context.Now, days);
            var label = BroadcastFlow.RepeatLabel((key, args) => texts.Get(Languages.Officers, key, args), b.Recurrence, days);
            context.Reply(texts.Get(Languages.Officers, "broadcast.days_changed", b.Id, label, LocalTime.Format(b.ScheduledFor, Languages.Officers)));
        }
    }
}
