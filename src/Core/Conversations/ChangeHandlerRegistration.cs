using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Conversations;

public static class ChangeHandlerRegistration
{
    /// <summary>Registers the handler the engine runs for <typeparamref name="TChange"/>.</summary>
    public static IServiceCollection AddChangeHandler<TChange, THandler>(this IServiceCollection services)
        where TChange : DomainChange
        where THandler : class, IChangeHandler<TChange> =>
        services.AddSingleton<IChangeHandler<TChange>, THandler>();

    /// <summary>Registers the handler the engine runs, before its transaction, for the read-only <typeparamref name="TChange"/>.</summary>
    public static IServiceCollection AddReadOnlyChangeHandler<TChange, THandler>(this IServiceCollection services)
        where TChange : ReadOnlyChange
        where THandler : class, IReadOnlyChangeHandler<TChange> =>
        services.AddSingleton<IReadOnlyChangeHandler<TChange>, THandler>();
}
