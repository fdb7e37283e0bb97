using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Broadcasts;

/// <summary>How many residents the broadcast being composed would reach, for its preview.</summary>
public sealed record BroadcastReach(int Recipients);

/// <summary>Counts the audience while an officer composes a broadcast (the preview shows the number).</summary>
public sealed class BroadcastReachFacts : ITurnFactLoader
{
    public async Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken)
    {
        if (state.Flow != BroadcastFlow.FlowName)
        {
            return;
        }

        var draft = BroadcastDraft.From(FlowData.FromJson(state.Data));
        if (draft.Audience is { } audience)
        {
            facts.Set(new BroadcastReach(await BroadcastAudience.CountAsync(db, audience, cancellationToken)));
        }
    }
}
