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
        var uses = await db.TipQuota.AsNoTracking().Where(q => q.ResidentKey == key && q.Hour > since)
            .Select(q => new { q.Hour, q.Count }).ToListAsync(cancellationToken);
        facts.Set(new TipUsage(uses.Where(u => u.Hour > now.AddHours(-1)).Sum(u => u.Count), uses.Sum(u => u.Count)));
    }
}
