namespace Antq.Core.Delivery;

/// <summary>
/// One of a rate's <c>limit</c> send slots shared by every instance on the database (<see cref="SharedPace"/>): a message
/// goes only in a slot it holds, and a slot is free again a second after the channel answered the message it carried.
/// Times in seconds since 1970 on the database server's clock.
/// </summary>
public sealed class ChannelSlot
{
    /// <summary>The channel, or the channel and ":paid" for its paid broadcasts' own rate.</summary>
    public required string Channel { get; set; }

    /// <summary>0 to limit − 1; rows at or past a lowered limit are never taken.</summary>
    public int Slot { get; set; }

    /// <summary>When the slot may carry another message: a second after the last answer, or the end of a hold.</summary>
    public double FreeAt { get; set; }

    /// <summary>Counts the slot's uses, so that a late release of an old use cannot free a newer one.</summary>
    public long Pass { get; set; }

    /// <summary>The instance holding the slot for a message on its way; null once answered.</summary>
    public string? Holder { get; set; }
}
