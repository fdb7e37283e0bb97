using System.Data.Common;
using Antq.Core.Delivery;
using Antq.Core.Storage;

namespace Antq.Core.Conversations;

/// <summary>
/// The turn a <see cref="DomainChange"/> is applied in: the database, the input, the time, the replies. Services are not
/// here: a handler takes them through its constructor.
/// </summary>
public sealed record ChangeContext(AntqDb Db, InboundMessage Input, DateTime Now)
{
    /// <summary>The writer's turn this change is applied in (null while it is prepared, outside the turn).</summary>
    public WriteScope? Scope
    {
        get => _scope;
        init
        {
            _scope = value;
            _queuedBefore = value?.Queued ?? 0;
        }
    }

    /// <summary>
    /// A hand-written statement in the writer's transaction, kept prepared for the writer's life (see
    /// <see cref="WriteScope.Statement"/>): for the changes every resident makes (onboarding, erasure), where
    /// EF Core's pipeline costs more than the write. Only in <see cref="IChangeHandler{TChange}.ApplyAsync"/>.
    /// </summary>
    public DbCommand Statement(string sql) => Turn.Statement(sql);

    /// <summary>
    /// The writer's turn, for a change that writes in it directly: hand-written statements, or outgoing rows in bulk
    /// (<see cref="OutboxWriter.WriteForAsync"/>). Only in <see cref="IChangeHandler{TChange}.ApplyAsync"/>.
    /// </summary>
    public WriteScope Turn => Scope ?? throw new InvalidOperationException("Statements are written in the writer's turn (ApplyAsync) only.");

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

    /// <summary>
    /// Messages to other chats (an officer told of a tip), collected here: the engine writes them in the turn's
    /// transaction, so it knows without asking the database that the dispatcher has work.
    /// </summary>
    public List<OutboxSend> Sends { get; } = [];

    /// <summary>Sends <paramref name="messages"/> to another chat, committed with the change.</summary>
    public void Send(string channel, string chatId, IEnumerable<OutgoingMessage> messages, DeliveryPriority priority, OutboxKind? kind = null) =>
        Sends.AddRange(messages.Select(m => new OutboxSend(channel, chatId, m, priority, kind)));

    /// <summary>
    /// Whether this change queued anything for other chats: collected sends, or rows it wrote in bulk through
    /// <see cref="OutboxWriter.WriteForAsync"/> in the turn's scope (a broadcast's audience, too many to collect one by one),
    /// which the writer counted.
    /// </summary>
    public bool QueuedForOthers => Sends.Count > 0 || (_scope?.Queued ?? 0) > _queuedBefore;

    private readonly WriteScope? _scope;
    private readonly int _queuedBefore;
}
