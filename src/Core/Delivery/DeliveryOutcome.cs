namespace Antq.Core.Delivery;

/// <summary>What became of one leased row: sent, back to the queue (with a time), blocked or failed.</summary>
public readonly record struct DeliveryOutcome(long Id, string Channel, string ChatId, DeliveryStatus Status, DateTime? NotBefore = null, string? Error = null, bool CountsAsAttempt = true);
