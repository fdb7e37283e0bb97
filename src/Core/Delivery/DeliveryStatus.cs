namespace Antq.Core.Delivery;

public enum DeliveryStatus
{
    Queued = 0,
    InFlight = 1,
    Sent = 2,

    /// <summary>Gave up after retries, or the channel refused the message for good.</summary>
    Failed = 3,

    /// <summary>The resident blocked the bot.</summary>
    Blocked = 4,
    Cancelled = 5,

    /// <summary>The channel does not let the service write to the resident now (Zalo's 7-day window); not an error.</summary>
    NotReachable = 6,
}
