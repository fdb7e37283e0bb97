namespace Antq.Core.Delivery;

/// <summary>
/// Hands a turn's replies straight to the running dispatcher. The engine writes them already leased, in the turn's own
/// transaction, and gives them over once committed: a reply does not wait for the dispatcher's next lease, which would
/// be a second turn of the single writer. If the service stops between the commit and the handing over, the rows
/// stay leased and go out when their lease runs out, as rows in hand at a crash do.
/// </summary>
public sealed class ReplyHandoff
{
    private volatile IReplyTaker? _taker;

    /// <summary>How long to lease a reply for, if the dispatcher is running and sends on this channel; null otherwise.</summary>
    public TimeSpan? LeaseFor(string channel) => _taker is { } taker && taker.Sends(channel) ? taker.Lease : null;

    /// <summary>Gives committed, leased rows to the dispatcher; false when it is stopping (they wait for their lease to run out).</summary>
    public bool Hand(IReadOnlyList<OutboxMessage> rows) => rows.Count == 0 || (_taker?.Take(rows) ?? false);

    internal void Attach(IReplyTaker taker) => _taker = taker;

    internal void Detach(IReplyTaker taker) => Interlocked.CompareExchange(ref _taker, null, taker);
}

/// <summary>What the dispatcher offers the <see cref="ReplyHandoff"/>.</summary>
internal interface IReplyTaker
{
    TimeSpan Lease { get; }

    bool Sends(string channel);

    bool Take(IReadOnlyList<OutboxMessage> rows);
}
