namespace Antq.Core.Delivery;

/// <summary>One message to send. Written in the same transaction as the change that caused it; sent by the dispatcher.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    public DeliveryPriority Priority { get; set; }

    /// <summary>The <see cref="Conversations.OutgoingMessage"/> as JSON.</summary>
    public required string Payload { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Not to be sent before this time (backoff, retry-after, quiet hours).</summary>
    public DateTime NotBefore { get; set; }

    /// <summary>While in flight: when the lease ends and the row goes back to the queue if the sender died.</summary>
    public DateTime? LeaseUntil { get; set; }

    /// <summary>While in flight: the instance that leased the row (<see cref="Instances.ThisInstance.Id"/>); its heartbeat keeps the lease.</summary>
    public string? LeasedBy { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The channel's id of the message once sent, for messages edited later (a broadcast's progress, a tip's card); null otherwise.</summary>
    public string? ChannelMessageId { get; set; }

    /// <summary>What the message is when its priority does not say it (a tip's card, a notice to an officer); null otherwise.</summary>
    public OutboxKind? Kind { get; set; }

    /// <summary>The broadcast this delivery belongs to, if any.</summary>
    public long? BroadcastId { get; set; }
}
