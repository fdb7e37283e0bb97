using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Officers;

/// <summary>Loads who the sender is as an officer (if they are one) for every turn: officer commands depend on it.</summary>
public sealed class OfficerFacts : ITurnFactLoader
{
    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Channel == input.Channel && o.ExternalUserId == input.UserId, cancellationToken);
        if (officer is not null)
        {
            facts.Set(officer);
        }
    }
}
