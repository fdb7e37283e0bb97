namespace Antq.Core.Channels;

/// <summary>
/// The one session value a channel renewed for a chat (the web chat's signed cookie, renewed on consent and on an
/// officer's sign-in): only the latest is valid, so a value known from before the renewal (fixation) stops working.
/// Chats whose session was never renewed have no row.
/// </summary>
public sealed class ChannelSession
{
    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    /// <summary>SHA-256 (hex) of the random part of the only session value now valid; the value itself is never stored.</summary>
    public required string CurrentHash { get; set; }

    /// <summary>What the chat had become when it was last renewed (the channel's own scale, e.g. consented, officer).</summary>
    public int Stage { get; set; }

    public DateTime RenewedAt { get; set; }
}
