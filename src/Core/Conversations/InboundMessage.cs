namespace Antq.Core.Conversations;

/// <summary>What a resident sent, as every channel describes it: the only input flows ever see.</summary>
public sealed record InboundMessage
{
    /// <summary>Channel name, e.g. <c>telegram</c>.</summary>
    public required string Channel { get; init; }

    /// <summary>The channel's id of the update; unique per channel, used to handle a repeat once.</summary>
    public required string UpdateId { get; init; }

    /// <summary>The private chat the answer goes to.</summary>
    public required string ChatId { get; init; }

    /// <summary>The sender's id on the channel.</summary>
    public required string UserId { get; init; }

    public required InboundKind Kind { get; init; }

    /// <summary>Typed text or a caption, NFC-normalised.</summary>
    public string? Text { get; init; }

    /// <summary>Data of the button pressed (<see cref="InboundKind.Button"/>).</summary>
    public string? ButtonData { get; init; }

    /// <summary>The channel's id of the message that carried the pressed button, so an answer can update it in place.</summary>
    public string? ButtonMessageId { get; init; }

    public GeoPoint? Location { get; init; }

    public ContactCard? Contact { get; init; }

    public IReadOnlyList<Attachment> Attachments { get; init; } = [];

    /// <summary>For <see cref="InboundKind.Unsupported"/>: what it was (sticker, poll, dice…), for logs and tests.</summary>
    public string? UnsupportedWhat { get; init; }

    /// <summary>The language the resident's app is set to (IETF tag), a hint only.</summary>
    public string? LanguageHint { get; init; }

    public DateTimeOffset SentAt { get; init; }

    /// <summary>
    /// An opaque key of the network the message came from (the web chat: a keyed hash of the visitor's IP address, or
    /// of its /64 for IPv6), for per-network limits; null on channels whose users are accounts (Telegram, Zalo).
    /// </summary>
    public string? Network { get; init; }
}
