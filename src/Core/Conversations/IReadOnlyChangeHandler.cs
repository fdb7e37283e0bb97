namespace Antq.Core.Conversations;

/// <summary>
/// Works out a <see cref="ReadOnlyChange"/> (a report) before the writer's transaction opens, on the engine's own
/// connection, so long reads do not hold every other chat's writes back; its replies are queued in the transaction.
/// </summary>
public interface IReadOnlyChangeHandler<in TChange>
    where TChange : ReadOnlyChange
{
    Task<IReadOnlyList<OutgoingMessage>> ReadAsync(TChange change, ChangeContext context, CancellationToken cancellationToken);
}
