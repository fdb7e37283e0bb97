using System.Data.Common;
using Antq.Core.Storage;

namespace Antq.Core.Conversations;

/// <summary>What a <see cref="DomainChange"/> may touch while the engine's transaction is open.</summary>
public sealed record ChangeContext(AntqDb Db, InboundMessage Input, DateTime Now)
{
    /// <summary>The old shape, kept while changes move to handlers that take their services through their constructor.</summary>
    public ChangeContext(AntqDb db, InboundMessage input, DateTime now, IServiceProvider services)
        : this(db, input, now) => Services = services;

    /// <summary>For the changes not yet moved to a handler.</summary>
    public IServiceProvider Services { get; } = EmptyServices.Instance;

    /// <summary>The writer's turn this change is applied in (null while it is prepared, outside the turn).</summary>
    public WriteScope? Scope { get; init; }

    /// <summary>
    /// A hand-written statement in the writer's transaction, kept prepared for the writer's life (see
    /// <see cref="WriteScope.Statement"/>): for the changes every resident makes (onboarding, erasure), where
    /// EF Core's pipeline costs more than the write. Only in <see cref="DomainChange.ApplyAsync"/>.
    /// </summary>
    public DbCommand Statement(string sql) =>
        (Scope ?? throw new InvalidOperationException("Statements are written in the writer's turn (ApplyAsync) only.")).Statement(sql);

    /// <summary>A service a change needs (a key, a catalog); changes are data, so they get services here.</summary>
    public T Get<T>()
        where T : notnull => (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered."));

    /// <summary>
    /// Set by a change that erased the chat (<c>/delete_me</c>): the engine then keeps no conversation state for it,
    /// so nothing but the answer (removed once delivered) is left that names the chat.
    /// </summary>
    public bool ForgetsChat { get; set; }

    /// <summary>Replies to the person who wrote this input, collected here; the engine writes them before the turn's own messages.</summary>
    public List<OutgoingMessage> Replies { get; } = [];

    /// <summary>Answers the person who wrote this input; these go out before the turn's own messages.</summary>
    public void Reply(params OutgoingMessage[] messages) => Replies.AddRange(messages);

    public void Reply(string text) => Reply(new OutgoingMessage { Text = text });
}

file sealed class EmptyServices : IServiceProvider
{
    public static readonly EmptyServices Instance = new();

    public object? GetService(Type serviceType) => null;
}
