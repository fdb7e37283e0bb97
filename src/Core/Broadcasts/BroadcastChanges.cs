using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Text;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Broadcasts;

/// <summary>The officer confirmed: the broadcast is stored and, if it is for now, expanded into deliveries at once.</summary>
public sealed record CreateBroadcast(BroadcastDraft Draft) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var wards = Draft.WholeCity ? [] : Draft.Wards;
        var areas = context.Get<AreaTree>();
        if (officer is null || Draft.Topic is null || Draft.Text is null
            || (officer.Role != OfficerRole.Admin && (wards.Count != 1 || wards[0] != officer.WardId))
            || (Draft.Units.Count > 0 && (wards.Count != 1 || Draft.Units.Any(u => areas.FindUnit(u)?.WardId != wards[0])))
            || Draft.Language is not (null or "vi" or "en"))
        {
            // An officer reaches only their own ward; anything else is refused whatever the buttons said.
            context.Reply(texts.Get(Language, "broadcast.not_allowed"));
            return;
        }

        var broadcast = new Broadcast
        {
            OfficerId = officer.Id,
            Text = Draft.Text,
            PhotoFileId = Draft.PhotoFileId,
            PhotoChannel = Draft.PhotoFileId is null ? null : context.Input.Channel,
            Topic = Draft.Topic.Value,
            WardIds = wards.Count == 0 ? null : string.Join(',', wards),
            UnitIds = Draft.Units.Count == 0 ? null : string.Join(',', Draft.Units),
            Language = Draft.Language,
            ScheduledFor = Draft.At ?? context.Now,
            Recurrence = Draft.At is null ? Recurrence.None : Draft.Recurrence,
            Weekdays = Draft.At is not null && Draft.Recurrence == Recurrence.Weekly ? Draft.Weekdays : 0,
            FirstAt = Draft.At is not null && Draft.Recurrence != Recurrence.None ? Draft.At : null,
            Status = BroadcastStatus.Scheduled,
            CreatedAt = context.Now,
        };
        context.Db.Broadcasts.Add(broadcast);
        await context.Db.SaveChangesAsync(cancellationToken);
        if (Draft.At is { } at)
        {
            context.Reply(texts.Get(Language, "broadcast.scheduled", broadcast.Id, LocalTime.Format(at, Language)));
            return;
        }

        var (count, notBefore) = await BroadcastClock.StartAsync(context.Db, broadcast, context.Get<IOptions<DeliveryOptions>>().Value, context.Now, cancellationToken);
        var started = texts.Get(Language, notBefore > context.Now ? "broadcast.started_quiet" : "broadcast.started", broadcast.Id, count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), LocalTime.Format(notBefore, Language));
        await BroadcastProgress.StartAsync(context.Db, broadcast, started, context.Now, cancellationToken);
    }

    private static string Language => "vi";
}

/// <summary>/broadcasts: the officer's scheduled, paused and running broadcasts (an admin sees all); each opens its card.</summary>
public sealed record ListBroadcasts : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var open = context.Db.Broadcasts.AsNoTracking()
            .Where(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending || b.Status == BroadcastStatus.Paused);
        if (officer.Role != OfficerRole.Admin)
        {
            open = open.Where(b => b.OfficerId == officer.Id);
        }

        var list = await open.OrderBy(b => b.ScheduledFor).Take(20).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            context.Reply(texts.Get("vi", "broadcast.none_open"));
            return;
        }

        var rows = list.Select(b => (IReadOnlyList<Button>)[new Button(
            texts.Get("vi", "broadcast.list_button", b.Id, Mark(b) + LocalTime.Format(b.ScheduledFor, "vi"), Short(b.Text)),
            "bcshow:" + b.Id.ToString(CultureInfo.InvariantCulture))]).ToList();
        context.Reply(new OutgoingMessage { Text = texts.Get("vi", "broadcast.open_list", list.Count), Buttons = rows });
    }

    private static string Mark(Broadcast b) =>
        (b.Status == BroadcastStatus.Paused ? "⏸ " : b.Status == BroadcastStatus.Sending ? "📤 " : "") + (b.Recurrence == Recurrence.None ? "" : "🔁 ");

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}

/// <summary>Cancels a scheduled or running broadcast: what is not sent yet is not sent.</summary>
public sealed record CancelBroadcast(long BroadcastId) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var broadcast = await context.Db.Broadcasts.SingleOrDefaultAsync(b => b.Id == BroadcastId, cancellationToken);
        if (officer is null || broadcast is null || (officer.Role != OfficerRole.Admin && broadcast.OfficerId != officer.Id)
            || broadcast.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused))
        {
            context.Reply(texts.Get("vi", "broadcast.cannot_cancel"));
            return;
        }

        var withdrawn = await context.Db.Outbox.Where(o => o.BroadcastId == broadcast.Id && o.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Cancelled), cancellationToken);
        var sent = await context.Db.Outbox.CountAsync(o => o.BroadcastId == broadcast.Id && o.Status == DeliveryStatus.Sent, cancellationToken);
        broadcast.Status = BroadcastStatus.Cancelled;
        broadcast.FinishedAt = context.Now;
        context.Reply(texts.Get("vi", "broadcast.cancelled", broadcast.Id, sent, withdrawn));
    }
}
