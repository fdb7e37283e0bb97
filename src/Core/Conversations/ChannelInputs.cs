namespace Antq.Core.Conversations;

/// <summary>
/// What a resident can send on one channel and how: each channel registers its own, and prompts say what is true
/// there (the web chat has no 📎 menu and takes photos only) instead of flows testing the channel's name.
/// </summary>
public sealed record ChannelInputs
{
    /// <summary>The channel's name, as in <see cref="InboundMessage.Channel"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>How a resident shares a place on this channel.</summary>
    public PlaceSharing Place { get; init; } = PlaceSharing.AttachmentMenu;

    /// <summary>True when only photos can be sent (no video, voice or other files).</summary>
    public bool PhotosOnly { get; init; }

    /// <summary>The largest file the channel lets the service take, in bytes; null when only the service's own limit applies.</summary>
    public long? MaxFileBytes { get; init; }

    /// <summary>A channel that registered nothing: a messenger app with an attachment menu, any kind of file.</summary>
    public static ChannelInputs Default(string channel) => new() { Channel = channel };

    /// <summary>The largest file a resident may send here, given the service's own <paramref name="limit"/>.</summary>
    public long FileLimit(long limit) => MaxFileBytes is { } max ? Math.Min(max, limit) : limit;
}
