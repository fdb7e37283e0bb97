using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="ShowBroadcast"/> in the engine's transaction.</summary>
public sealed class ShowBroadcastHandler(TextCatalog texts) : IChangeHandler<ShowBroadcast>
{
    public async Task ApplyAsync(ShowBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var b = await ManagedBroadcast.FindAsync(context, change.BroadcastId, cancellationToken);
        if (b is null || b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Paused or BroadcastStatus.Sending))
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.cannot_manage"));
            return;
        }

        string T(string key, params object?[] args) => texts.Get(Languages.Officers, key, args);
        var repeat = b.Recurrence == Recurrence.None ? T("broadcast.once") : BroadcastFlow.RepeatLabel((key, args) => T(key, args), b.Recurrence, b.Weekdays);
        IReadOnlyList<Button> edit = b.Recurrence == Recurrence.Weekly
            ? [new Button(T("broadcast.edit_text"), BroadcastEditButton.Text(b.Id).Data), new Button(T("broadcast.edit_time"), BroadcastEditButton.Time(b.Id).Data), new Button(T("broadcast.edit_days"), BroadcastEditButton.WeekDays(b.Id, b.Weekdays).Data)]
            : [new Button(T("broadcast.edit_text"), BroadcastEditButton.Text(b.Id).Data), new Button(T("broadcast.edit_time"), BroadcastEditButton.Time(b.Id).Data)];
        var cancel = new Button(T("broadcast.cancel_button"), new BroadcastButton(BroadcastAction.Cancel, b.Id).Data);
        IReadOnlyList<IReadOnlyList<Button>> buttons = b.Status switch
        {
            BroadcastStatus.Scheduled => [[new Button(T("broadcast.pause"), new BroadcastButton(BroadcastAction.Pause, b.Id).Data), cancel], edit],
            BroadcastStatus.Paused => [[new Button(T("broadcast.resume"), new BroadcastButton(BroadcastAction.Resume, b.Id).Data), cancel], edit],
            _ => [[cancel]],
        };
        var card = T("broadcast.card", b.Id, T("broadcast.status_" + b.Status.ToString().ToLowerInvariant()), LocalTime.Format(b.ScheduledFor, Languages.Officers), repeat, b.Text);
        context.Reply(new OutgoingMessage { Text = card, Buttons = buttons });
    }
}
