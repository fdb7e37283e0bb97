using Antq.Core.Storage;

namespace Antq.Core.Conversations;

/// <summary>Loads one kind of fact for a turn; a feature registers one when its flows need to read stored state.</summary>
public interface ITurnFactLoader
{
    Task LoadAsync(AntqDb db, InboundMessage input, ConversationState state, DateTime now, TurnFacts facts, CancellationToken cancellationToken);
}
