namespace Antq.Core.Delivery;

/// <summary>
/// Hands a turn's replies straight to the running dispatcher. In the turn's own transaction the engine reserves room
/// for them (<see cref="Reserve"/>), writes them already leased, and gives them over once committed: a reply does not
/// wait for the dispatcher's next lease, which would be a second turn of the single writer. No room (the chat holds its
/// limit already, the channel's budget is taken): the replies are written queued and leased in their turn, so a
/// reply handed over counts against the same limits as everything else. If the service stops between the commit and
/// the handing over, the rows stay leased and are taken back at the next start, as rows in hand at a crash are.
/// </summary>
public sealed class ReplyHandoff
{
    private volatile IReplyTaker? _taker;

    /// <summary>Room for <paramref name="count"/> replies to the chat, with how long to lease them; null: write them queued.</summary>
    public HandoffTicket? Reserve(string channel, string chatId, int count) =>
        count > 0 && _taker is { } taker && taker.Sends(channel) && taker.Reserve(channel, chatId, count)
            ? new HandoffTicket(taker, channel, chatId, count, taker.Lease)
            : null;

    /// <summary>Gives the committed, leased rows to the dispatcher; false when it is stopping (they wait for the next start).</summary>
    public bool Hand(HandoffTicket ticket, IReadOnlyList<OutboxMessage> rows) => ticket.Taker.Take(rows);

    /// <summary>The reserved replies will not come (the turn was not committed, or wrote none).</summary>
    public void Release(HandoffTicket ticket) => ticket.Taker.Release(ticket.Channel, ticket.ChatId, ticket.Count);

    internal void Attach(IReplyTaker taker) => _taker = taker;

    internal void Detach(IReplyTaker taker) => Interlocked.CompareExchange(ref _taker, null, taker);
}

/// <summary>What the dispatcher offers the <see cref="ReplyHandoff"/>.</summary>
internal interface IReplyTaker
{
    TimeSpan Lease { get; }

    string Instance { get; }

    bool Shared { get; }

    /// <summary>
    /// On a shared database, a chat another instance sent to after this moment must wait: its replies are queued, not
    /// handed over (the channel's per-chat spacing, reckoned back from now).
    /// </summary>
    DateTime SentElsewhereAfter(string channel);

    bool Sends(string channel);

    bool Reserve(string channel, string chatId, int count);

    bool Take(IReadOnlyList<OutboxMessage> rows);

    void Release(string channel, string chatId, int count);
}
