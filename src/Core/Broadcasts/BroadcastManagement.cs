using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Text;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>Finding a broadcast the acting officer may manage: their own, or any for an admin.</summary>
internal static class ManagedBroadcast
{
    public static async Task<Broadcast?> FindAsync(ChangeContext context, long id, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var broadcast = await context.Db.Broadcasts.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return officer is null || broadcast is null || (officer.Role != OfficerRole.Admin && broadcast.OfficerId != officer.Id) ? null : broadcast;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One broadcast's card from /broadcasts: what, when, to whom, with the buttons its state allows.</summary>
public sealed record ShowBroadcast(long BroadcastId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var b = await ManagedBroadcast.FindAsync(context, BroadcastId, cancellationToken);
        if (b is null || b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Paused or BroadcastStatus.Sending))
        {
            context.Reply(texts.Get("vi", "broadcast.cannot_manage"));
            return;
        }

        string T(string key, params object?[] args) => texts.Get("vi", key, args);
        var repeat = b.Recurrence == Recurrence.None ? T("broadcast.once") : BroadcastFlow.RepeatLabel((key, args) => T(key, args), b.Recurrence, b.Weekdays);
        var id = ManagedBroadcast.Id(b.Id);
        IReadOnlyList<Button> edit = b.Recurrence == Recurrence.Weekly
            ? [new Button(T("broadcast.edit_text"), "bcedit:text:" + id), new Button(T("broadcast.edit_time"), "bcedit:time:" + id), new Button(T("broadcast.edit_days"), "bcedit:days:" + id + ":" + b.Weekdays.ToString(CultureInfo.InvariantCulture))]
            : [new Button(T("broadcast.edit_text"), "bcedit:text:" + id), new Button(T("broadcast.edit_time"), "bcedit:time:" + id)];
        var cancel = new Button(T("broadcast.cancel_button"), "bccancel:" + id);
        IReadOnlyList<IReadOnlyList<Button>> buttons = b.Status switch
        {
            BroadcastStatus.Scheduled => [[new Button(T("broadcast.pause"), "bcpause:" + id), cancel], edit],
            BroadcastStatus.Paused => [[new Button(T("broadcast.resume"), "bcresume:" + id), cancel], edit],
            _ => [[cancel]],
        };
        var card = T("broadcast.card", b.Id, T("broadcast.status_" + b.Status.ToString().ToLowerInvariant()), LocalTime.Format(b.ScheduledFor, "vi"), repeat, b.Text);
        context.Reply(new OutgoingMessage { Text = card, Buttons = buttons });
    }
}

/// <summary>Holds a scheduled broadcast: it does not fire until resumed.</summary>
public sealed record PauseBroadcast(long BroadcastId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var b = await ManagedBroadcast.FindAsync(context, BroadcastId, cancellationToken);
        if (b is null || b.Status != BroadcastStatus.Scheduled)
        {
            context.Reply(texts.Get("vi", "broadcast.cannot_manage"));
            return;
        }

        b.Status = BroadcastStatus.Paused;
        context.Reply(texts.Get("vi", "broadcast.paused", b.Id));
    }
}

/// <summary>
/// Resumes a paused broadcast. A repeating one goes on from its next occurrence after now (the ones missed while
/// paused are not sent in a burst); a one-off whose time passed while paused goes now.
/// </summary>
public sealed record ResumeBroadcast(long BroadcastId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var b = await ManagedBroadcast.FindAsync(context, BroadcastId, cancellationToken);
        if (b is null || b.Status != BroadcastStatus.Paused)
        {
            context.Reply(texts.Get("vi", "broadcast.cannot_manage"));
            return;
        }

        if (b.ScheduledFor <= context.Now)
        {
            b.ScheduledFor = b.Recurrence == Recurrence.None ? context.Now : Recurrences.Next(b.Recurrence, b.FirstAt ?? b.ScheduledFor, context.Now, b.Weekdays);
        }

        b.Status = BroadcastStatus.Scheduled;
        context.Reply(texts.Get("vi", "broadcast.resumed", b.Id, LocalTime.Format(b.ScheduledFor, "vi")));
    }
}

/// <summary>
/// New text, a new time, or (weekly) new days for a scheduled or paused broadcast; a repeating one keeps its new time of
/// day from then on, and new days take effect from its next occurrence on one of them.
/// </summary>
public sealed record UpdateBroadcast(long BroadcastId, string? Text, DateTime? At, int? Weekdays = null) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var b = await ManagedBroadcast.FindAsync(context, BroadcastId, cancellationToken);
        if (b is null || b.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Paused))
        {
            context.Reply(texts.Get("vi", "broadcast.cannot_manage"));
            return;
        }

        if (Text is not null && b.PhotoFileId is not null && Text.Length > 1024)
        {
            context.Reply(texts.Get("vi", "error.too_long", 1024));
            return;
        }

        if (Text is not null)
        {
            b.Text = Text;
            context.Reply(texts.Get("vi", "broadcast.text_changed", b.Id));
        }

        if (At is { } at)
        {
            var first = b.Recurrence == Recurrence.None ? at : Recurrences.First(b.Recurrence, at, b.Weekdays);
            b.ScheduledFor = first;
            b.FirstAt = b.Recurrence == Recurrence.None ? null : first;
            context.Reply(texts.Get("vi", "broadcast.time_changed", b.Id, LocalTime.Format(first, "vi")));
        }

        if (Weekdays is { } days && b.Recurrence == Recurrence.Weekly && days is > 0 and < 128)
        {
            b.Weekdays = days;
            b.ScheduledFor = Recurrences.Next(Recurrence.Weekly, b.FirstAt ?? b.ScheduledFor, context.Now, days);
            var label = BroadcastFlow.RepeatLabel((key, args) => texts.Get("vi", key, args), b.Recurrence, days);
            context.Reply(texts.Get("vi", "broadcast.days_changed", b.Id, label, LocalTime.Format(b.ScheduledFor, "vi")));
        }
    }
}
