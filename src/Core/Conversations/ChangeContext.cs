using Antq.Core.Storage;

namespace Antq.Core.Conversations;

/// <summary>What a <see cref="DomainChange"/> may touch while the engine's transaction is open.</summary>
public sealed record ChangeContext(AntqDb Db, InboundMessage Input, DateTime Now, IServiceProvider Services)
{
    /// <summary>A service a change needs (a key, a catalog); changes are data, so they get services here.</summary>
    public T Get<T>()
        where T : notnull => (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered."));

    /// <summary>Replies to the person who wrote this input, collected here; the engine writes them before the turn's own messages.</summary>
    public List<OutgoingMessage> Replies { get; } = [];

    /// <summary>Answers the person who wrote this input; these go out before the turn's own messages.</summary>
    public void Reply(params OutgoingMessage[] messages) => Replies.AddRange(messages);

    public void Reply(string text) => Reply(new OutgoingMessage { Text = text });
}
