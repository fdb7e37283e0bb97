namespace Antq.Core.Delivery;

/// <summary>
/// How fast a channel may be sent to: overall, and to one chat (sustained rate plus a short burst). With
/// <see cref="PaidBroadcastPerSecond"/>, broadcasts go as paid messages at that rate, beside the free quota.
/// </summary>
public sealed record ChannelLimits(double PerSecond, double PerChatPerSecond, int PerChatBurst, double? PaidBroadcastPerSecond = null);
