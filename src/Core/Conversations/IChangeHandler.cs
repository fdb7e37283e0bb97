namespace Antq.Core.Conversations;

/// <summary>
/// Applies one kind of <see cref="DomainChange"/> in the engine's transaction. Its services come through its
/// constructor, so what a change depends on is visible and a handler can be built without a host.
/// </summary>
public interface IChangeHandler<in TChange>
    where TChange : DomainChange
{
    Task ApplyAsync(TChange change, ChangeContext context, CancellationToken cancellationToken);
}
