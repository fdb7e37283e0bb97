namespace Antq.Core.Delivery;

/// <summary>What became of one leased row: sent, back to the queue (with a time), blocked or failed.</summary>
public readonly record struct DeliveryOutcome(long Id, string Channel, string ChatId, DeliveryStatus Status, DateTime? NotBefore = null, string? Error = null, bool CountsAsAttempt = true)
{
    /// <summary>The channel's id of the sent message, recorded only for messages that ask for it (<see cref="Conversations.OutgoingMessage.KeepsMessageId"/>).</summary>
    public string? ChannelMessageId { get; init; }

    /// <summary>The row is removed instead of recorded (the answer to an erasure, done with: <see cref="Conversations.OutgoingMessage.ForgetsChat"/>).</summary>
    public bool Forget { get; init; }
}
