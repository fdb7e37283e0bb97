namespace Antq.Core.Delivery;

public enum SendStatus
{
    Sent,

    /// <summary>Too many requests: wait <see cref="SendResult.RetryAfter"/> before sending to the channel again.</summary>
    RetryAfter,

    /// <summary>The resident blocked the bot (or deleted their account).</summary>
    Blocked,

    /// <summary>Network trouble or a server error: try again later.</summary>
    Transient,

    /// <summary>The channel refused this message for good (bad request).</summary>
    Rejected,

    /// <summary>The channel does not let the service write to this resident now (Zalo: no interaction in 7 days).</summary>
    NotReachable,
}

/// <param name="MessageId">The channel's id of the message sent (or edited), when the channel names its messages.</param>
public readonly record struct SendResult(SendStatus Status, TimeSpan RetryAfter = default, string? Error = null, string? MessageId = null)
{
    public static SendResult Sent { get; } = new(SendStatus.Sent);
}
