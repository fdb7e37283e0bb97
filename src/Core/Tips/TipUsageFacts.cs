using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>Counts the sender's recent tips, only when a tip is being written (the one step that needs it).</summary>
public sealed class TipUsageFacts(TipRouteSeal seal) : ITurnFactLoader
{
    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        if (state.Flow != TipFlow.FlowName)
        {
            return;
        }

        var key = seal.ResidentKey(input.Channel, input.UserId);
        var since = now.AddDays(-1);
        var uses = await db.TipQuota.AsNoTracking().Where(q => q.ResidentKey == key && q.Slot > since)
            .Select(q => new { q.Slot, q.Count }).ToListAsync(cancellationToken);
        var network = 0;
        if (NetworkKey(seal, input) is { } networkKey)
        {
            network = await db.TipQuota.AsNoTracking().Where(q => q.ResidentKey == networkKey && q.Slot > since).SumAsync(q => q.Count, cancellationToken);
        }

        facts.Set(new TipUsage(uses.Where(u => u.Slot > now.AddHours(-1)).Sum(u => u.Count), uses.Sum(u => u.Count), network));
    }

    /// <summary>The quota key of the sender's network, or null when the channel does not know it.</summary>
    public static string? NetworkKey(TipRouteSeal seal, InboundMessage input) =>
        input.Network is { Length: > 0 } network ? seal.ResidentKey(input.Channel, "network:" + network) : null;
}
