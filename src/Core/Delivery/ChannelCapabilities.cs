namespace Antq.Core.Delivery;

/// <summary>
/// What a channel can show: buttons under one message, editing a sent message, the longest text, whether a
/// resident can send a location. Outgoing messages are fitted to it (<see cref="MessageFitter"/>).
/// </summary>
public sealed record ChannelCapabilities(int MaxButtons, bool CanEdit, int MaxTextLength, bool LocationInput)
{
    /// <summary>Telegram-like: many buttons, edits, 4,096 characters, locations.</summary>
    public static ChannelCapabilities Full { get; } = new(100, CanEdit: true, MaxTextLength: 4096, LocationInput: true);
}
