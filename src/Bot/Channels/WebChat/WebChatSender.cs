using Antq.Core.Conversations;
using Antq.Core.Delivery;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// "Sends" to a page: the outbox row itself is what the page reads (once the dispatcher marks it sent), so
/// delivery is waking the visitor's open pages. Nothing is lost when no page is open: it shows at the next visit.
/// </summary>
public sealed class WebChatSender(WebChatFeed feed) : IChannelSender
{
    public string Channel => WebChatChannel.ChannelName;

    // Nothing to protect downstream but the database; generous, so answers show at once.
    public ChannelLimits Limits { get; } = new(PerSecond: 500, PerChatPerSecond: 20, PerChatBurst: 20);

    /// <summary>The page shows what it reads from the outbox, so a sent row stays until shown.</summary>
    public bool ReadsBackFromOutbox => true;

    public Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        feed.Notify(chatId);
        return Task.FromResult(SendResult.Sent);
    }
}
