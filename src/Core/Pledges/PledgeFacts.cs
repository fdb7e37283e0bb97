using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Loads the resident's own pledges, only on turns that need them: /mypledges and its correct and withdraw buttons.</summary>
public sealed class PledgeFacts : ITurnFactLoader
{
    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        var wanted = facts.Get<TurnCommand>()?.Runs(PledgeRoutes.MyPledges) == true
            || PledgeButton.Owns(input.ButtonData);
        if (!wanted)
        {
            return;
        }

        var resident = await db.Residents.AsNoTracking().Where(r => r.Channel == input.Channel && r.ExternalUserId == input.UserId)
            .Select(r => (long?)r.Id).SingleOrDefaultAsync(cancellationToken);
        var pledges = resident is null
            ? []
            : await db.Pledges.AsNoTracking().Where(p => p.ResidentId == resident).OrderBy(p => p.SignedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        facts.Set(new MyPledges(pledges));
    }
}
