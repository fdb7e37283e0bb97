namespace Antq.Core.Conversations;

/// <summary>
/// A change to stored facts that a flow step asks for: a plain record of what to do. Flows only describe changes;
/// the engine applies each through its <see cref="IChangeHandler{TChange}"/>, in the same transaction as the new
/// conversation state and the replies.
/// </summary>
public abstract record DomainChange;

/// <summary>
/// A change that only reads (a report): its <see cref="IReadOnlyChangeHandler{TChange}"/> works it out before the
/// transaction, which then queues its replies.
/// </summary>
public abstract record ReadOnlyChange : DomainChange;

/// <summary>Replies worked out before the transaction (see <see cref="IReadOnlyChangeHandler{TChange}"/>), queued in it.</summary>
public sealed record PreparedReply(IReadOnlyList<OutgoingMessage> Messages) : DomainChange;
