using Antq.Core.Delivery;

namespace Antq.Bot.Channels.Zalo;

/// <summary>The Zalo Official Account channel: its name as Core sees it, and what it can show.</summary>
public static class ZaloChannel
{
    /// <summary>Value of <see cref="Antq.Core.Conversations.InboundMessage.Channel"/> for Zalo.</summary>
    public const string ChannelName = "zalo";

    /// <summary>At most 5 buttons a message, no edits, 2,000 characters, locations can be sent.</summary>
    public static ChannelCapabilities Capabilities { get; } = new(MaxButtons: 5, CanEdit: false, MaxTextLength: 2000, LocationInput: true);

    /// <summary>Consultation messages are refused when the user has not interacted with the OA for this long.</summary>
    public static readonly TimeSpan ReplyWindow = TimeSpan.FromDays(7);
}
