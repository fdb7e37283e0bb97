namespace Antq.Bot.Channels.Telegram;

/// <summary>The Telegram channel: its name as Core sees it.</summary>
public static class TelegramChannel
{
    /// <summary>Value of <see cref="Antq.Core.Conversations.InboundMessage.Channel"/> for Telegram.</summary>
    public const string ChannelName = "telegram";
}
