namespace Antq.Core.Conversations;

public enum InboundKind
{
    Text,
    Button,
    Location,
    Contact,
    Media,

    /// <summary>Something a resident can send that no step takes (a sticker, a poll, a dice…).</summary>
    Unsupported,

    /// <summary>The resident blocked the bot or left the chat.</summary>
    ChatBlocked,

    /// <summary>The resident unblocked the bot.</summary>
    ChatUnblocked,

    /// <summary>The resident left the channel (unfollowed the Zalo Official Account); nothing more is sent.</summary>
    ChatLeft,
}
