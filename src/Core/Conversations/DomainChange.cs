namespace Antq.Core.Conversations;

/// <summary>
/// A change to stored facts that a flow step asks for. Flows only describe changes; the engine applies
/// them in the same transaction as the new conversation state and the replies.
/// </summary>
public abstract record DomainChange
{
    public abstract Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken);
}
