using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Residents;

/// <summary>Applies <see cref="ChangeResidentStatus"/> in the engine's transaction.</summary>
public sealed class ChangeResidentStatusHandler : IChangeHandler<ChangeResidentStatus>
{
    public async Task ApplyAsync(ChangeResidentStatus change, ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not null)
        {
            resident.Status = change.Status;
            resident.UpdatedAt = context.Now;
        }

        if (change.Status != ResidentStatus.Active)
        {
            await context.Db.Outbox
                .Where(o => o.Channel == context.Input.Channel && o.ChatId == context.Input.ChatId && o.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, DeliveryStatus.Blocked), cancellationToken);
        }
    }
}
