using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="CancelBroadcast"/> in the engine's transaction.</summary>
public sealed class CancelBroadcastHandler(TextCatalog texts) : IChangeHandler<CancelBroadcast>
{
    public async Task ApplyAsync(CancelBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var broadcast = await context.Db.Broadcasts.SingleOrDefaultAsync(b => b.Id == change.BroadcastId, cancellationToken);
        if (officer is null || broadcast is null || (officer.Role != OfficerRole.Admin && broadcast.OfficerId != officer.Id)
            || broadcast.Status is not (BroadcastStatus.Scheduled or BroadcastStatus.Sending or BroadcastStatus.Paused))
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.cannot_cancel"));
            return;
        }

        var withdrawn = await context.Db.Outbox.Where(o => o.BroadcastId == broadcast.Id && o.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Cancelled), cancellationToken);
        var sent = await context.Db.Outbox.CountAsync(o => o.BroadcastId == broadcast.Id && o.Status == DeliveryStatus.Sent, cancellationToken);
        broadcast.Status = BroadcastStatus.Cancelled;
        broadcast.FinishedAt = context.Now;
        context.Reply(texts.Get(Languages.Officers, "broadcast.cancelled", broadcast.Id, sent, withdrawn));
    }
}
