namespace Antq.Core.Delivery;

/// <summary>Room the dispatcher keeps for one turn's replies until they are handed over or released (<see cref="ReplyHandoff"/>).</summary>
public sealed class HandoffTicket
{
    internal HandoffTicket(IReplyTaker taker, string channel, string chatId, int count, TimeSpan lease)
    {
        Instance = taker.Instance;
        Shared = taker.Shared;
        SentElsewhereAfter = taker.Shared ? taker.SentElsewhereAfter(channel) : DateTime.MinValue;
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

    /// <summary>The instance the replies are leased by (<see cref="Instances.ThisInstance.Id"/>).</summary>
    public string Instance { get; }

    /// <summary>True when other instances may hold the chat's rows (a shared database).</summary>
    public bool Shared { get; }

    /// <summary>A send to the chat by another instance after this keeps the replies queued (see <see cref="IReplyTaker.SentElsewhereAfter"/>).</summary>
    public DateTime SentElsewhereAfter { get; }

    internal IReplyTaker Taker { get; }
}
