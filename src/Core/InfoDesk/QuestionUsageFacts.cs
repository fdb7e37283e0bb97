using Antq.Core.Conversations;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>
/// Counts the sender's recent questions the way tips are counted (a keyed hash by five minutes, no link to any
/// question), under a key of their own: questions neither use nor count as tips.
/// </summary>
public sealed class QuestionUsageFacts(TipRouteSeal seal) : ITurnFactLoader
{
    public static string Key(TipRouteSeal seal, string channel, string userId) => seal.ResidentKey(channel, "question:" + userId);

    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        if (state.Flow != AskFlow.FlowName)
        {
            return;
        }

        var key = Key(seal, input.Channel, input.UserId);
        var since = now.AddDays(-1);
        var uses = await db.TipQuota.AsNoTracking().Where(q => q.ResidentKey == key && q.Slot > since)
            .Select(q => new { q.Slot, q.Count }).ToListAsync(cancellationToken);
        facts.Set(new QuestionUsage(uses.Where(u => u.Slot > now.AddHours(-1)).Sum(u => u.Count), uses.Sum(u => u.Count)));
    }
}
