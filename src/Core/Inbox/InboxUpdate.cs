namespace Antq.Core.Inbox;

/// <summary>
/// An update as received, stored before the channel is acknowledged so that a crash never drops it.
/// (Channel, ExternalId) is unique: a repeated update is stored and handled once.
/// </summary>
public sealed class InboxUpdate
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ExternalId { get; set; }

    public required string ChatId { get; set; }

    /// <summary>The channel-neutral message as JSON; cleared once handled so that no message text outlives its handling.</summary>
    public string? Payload { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime? HandledAt { get; set; }

    /// <summary>Set when handling failed for good (the resident got an apology).</summary>
    public string? Error { get; set; }
}
