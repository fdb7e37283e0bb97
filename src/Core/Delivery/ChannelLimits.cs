namespace Antq.Core.Delivery;

/// <summary>How fast a channel may be sent to: overall, and to one chat (sustained rate plus a short burst).</summary>
public sealed record ChannelLimits(double PerSecond, double PerChatPerSecond, int PerChatBurst);
