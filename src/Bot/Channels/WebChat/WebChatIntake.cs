using Antq.Core.Conversations;
using Antq.Core.Inbox;

namespace Antq.Bot.Channels.WebChat;

/// <summary>Stores a visitor's message before the post is answered, then hands it to the lanes, as Telegram's intake does.</summary>
public sealed class WebChatIntake(InboxStore inbox, InboxLanes lanes)
{
    public async Task AcceptAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var stored = await inbox.StoreAsync([message], cancellationToken);
        lanes.Post(stored);
    }
}
