namespace Antq.Core.Delivery;

/// <summary>
/// A channel's send slots shared by every instance on the database (<see cref="SharedPace"/>): the next free slot, in
/// seconds since 1970 on the database server's clock. One row per rate (a channel's, and its paid broadcasts').
/// </summary>
public sealed class ChannelPace
{
    /// <summary>The channel, or the channel and ":paid" for its paid broadcasts' own rate.</summary>
    public required string Channel { get; set; }

    public double NextAt { get; set; }
}
