namespace Antq.Bot.Channels.WebChat;

/// <summary>The web chat channel: its name as Core sees it, and where its page lives.</summary>
public static class WebChatChannel
{
    /// <summary>Value of <see cref="Antq.Core.Conversations.InboundMessage.Channel"/> for the web chat.</summary>
    public const string ChannelName = "webchat";

    /// <summary>The page; its API and assets live under it.</summary>
    public const string Path = "/chat";
}
