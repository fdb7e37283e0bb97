namespace Antq.Core.Conversations;

/// <summary>
/// A change to stored facts that a flow step asks for. Flows only describe changes; the engine applies
/// them in the same transaction as the new conversation state and the replies.
/// </summary>
public abstract record DomainChange
{
    /// <summary>The old shape, kept while changes move to handlers (<see cref="IChangeHandler{TChange}"/>).</summary>
    public virtual Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{GetType().Name} has no handler registered.");

    /// <summary>
    /// Long reads a change needs (a summary report over years) done before the writer's transaction opens, so they
    /// do not hold every other chat's writes back: runs on the engine's own connection, reads only, and returns the
    /// change to apply in the transaction (itself by default).
    /// </summary>
    public virtual Task<DomainChange> PrepareAsync(ChangeContext context, CancellationToken cancellationToken) => Task.FromResult(this);
}

/// <summary>A change that only reads (a report): all of it is worked out before the transaction, which queues its replies.</summary>
public abstract record ReadOnlyChange : DomainChange
{
    public sealed override Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"{GetType().Name} is prepared before the transaction, never applied in it.");

    public abstract override Task<DomainChange> PrepareAsync(ChangeContext context, CancellationToken cancellationToken);
}

/// <summary>Replies worked out before the transaction (see <see cref="DomainChange.PrepareAsync"/>), queued in it.</summary>
public sealed record PreparedReply(IReadOnlyList<OutgoingMessage> Messages) : DomainChange;
