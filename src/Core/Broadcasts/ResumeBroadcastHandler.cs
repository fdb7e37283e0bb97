using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="ResumeBroadcast"/> in the engine's transaction.</summary>
public sealed class ResumeBroadcastHandler(TextCatalog texts) : IChangeHandler<ResumeBroadcast>
{
    public async Task ApplyAsync(ResumeBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var b = await ManagedBroadcast.FindAsync(context, change.BroadcastId, cancellationToken);
        if (b is null || b.Status != BroadcastStatus.Paused)
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.cannot_manage"));
            return;
        }

        if (b.ScheduledFor <= context.Now)
        {
            b.ScheduledFor = b.Recurrence == Recurrence.None ? context.Now : Recurrences.Next(b.Recurrence, b.FirstAt ?? b.ScheduledFor, context.Now, b.Weekdays);
        }

        b.Status = BroadcastStatus.Scheduled;
        context.Reply(texts.Get(Languages.Officers, "broadcast.resumed", b.Id, LocalTime.Format(b.ScheduledFor, Languages.Officers)));
    }
}
