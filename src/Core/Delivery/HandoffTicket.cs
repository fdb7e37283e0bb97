namespace Antq.Core.Delivery;

/// <summary>Room the dispatcher keeps for one turn's replies until they are handed over or released (<see cref="ReplyHandoff"/>).</summary>
public sealed class HandoffTicket
{
    internal HandoffTicket(IReplyTaker taker, string channel, string chatId, int count, TimeSpan lease)
    {
        Taker = taker;
        Channel = channel;
        ChatId = chatId;
        Count = count;
        Lease = lease;
    }

    public string Channel { get; }

    public string ChatId { get; }

    /// <summary>How many replies the room is for.</summary>
    public int Count { get; }

    /// <summary>How long to lease them for.</summary>
    public TimeSpan Lease { get; }

    internal IReplyTaker Taker { get; }
}
