using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Conversations;

/// <summary>Finds the handler registered for a change's type and runs it: the engine applies changes through this.</summary>
public sealed class ChangeHandlers(IServiceProvider services)
{
    // One small typed adapter per change type, made once: the engine holds changes as DomainChange, handlers are typed.
    private static readonly ConcurrentDictionary<Type, Adapter> Adapters = new();

    /// <summary>A read-only change's replies worked out before the transaction; any other change is returned as it is.</summary>
    public Task<DomainChange> PrepareAsync(DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
        AdapterFor(change).PrepareAsync(services, change, context, cancellationToken);

    public Task ApplyAsync(DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
        AdapterFor(change).ApplyAsync(services, change, context, cancellationToken);

    /// <summary>The change types that have no handler registered (a check for tests and start-up).</summary>
    public IEnumerable<Type> Unhandled(IEnumerable<Type> changeTypes) =>
        changeTypes.Where(type => !Adapters.GetOrAdd(type, Create).IsHandled(services));

    private static Adapter AdapterFor(DomainChange change) => Adapters.GetOrAdd(change.GetType(), Create);

    private static Adapter Create(Type type) =>
        (Adapter)Activator.CreateInstance(
            typeof(ReadOnlyChange).IsAssignableFrom(type) ? typeof(ReadOnlyAdapter<>).MakeGenericType(type) : typeof(ChangeAdapter<>).MakeGenericType(type))!;

    private abstract class Adapter
    {
        public abstract bool IsHandled(IServiceProvider services);

        public abstract Task<DomainChange> PrepareAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken);

        public abstract Task ApplyAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken);
    }

    private sealed class ChangeAdapter<TChange> : Adapter
        where TChange : DomainChange
    {
        public override bool IsHandled(IServiceProvider services) => services.GetService<IChangeHandler<TChange>>() is not null;

        public override Task<DomainChange> PrepareAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
            Task.FromResult(change);

        public override Task ApplyAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
            services.GetService<IChangeHandler<TChange>>() is { } handler
                ? handler.ApplyAsync((TChange)change, context, cancellationToken)
                : throw new InvalidOperationException($"No handler is registered for {typeof(TChange).Name}.");
    }

    private sealed class ReadOnlyAdapter<TChange> : Adapter
        where TChange : ReadOnlyChange
    {
        public override bool IsHandled(IServiceProvider services) => services.GetService<IReadOnlyChangeHandler<TChange>>() is not null;

        public override async Task<DomainChange> PrepareAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
            services.GetService<IReadOnlyChangeHandler<TChange>>() is { } handler
                ? new PreparedReply(await handler.ReadAsync((TChange)change, context, cancellationToken))
                : throw new InvalidOperationException($"No handler is registered for {typeof(TChange).Name}.");

        public override Task ApplyAsync(IServiceProvider services, DomainChange change, ChangeContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"{typeof(TChange).Name} is read before the transaction, never applied in it.");
    }
}
