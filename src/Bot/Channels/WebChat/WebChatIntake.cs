using Antq.Core.Conversations;
using Antq.Core.Inbox;
using Antq.Core.Storage;

namespace Antq.Bot.Channels.WebChat;

/// <summary>Stores a visitor's message before the post is answered, then hands it to the lanes, as Telegram's intake does.</summary>
public sealed class WebChatIntake(InboxStore inbox, InboxLanes lanes, GroupWriter writer, WebChatFeed feed, TimeProvider time)
{
    /// <param name="message">What the visitor sent.</param>
    /// <param name="echo">For a button press, the pressed button's label, shown as the visitor's own bubble.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task AcceptAsync(InboundMessage message, string? echo, CancellationToken cancellationToken)
    {
        var stored = await inbox.StoreAsync([message], cancellationToken);

        // A post repeated (the same id) is stored once, and echoed once.
        if (stored.Count > 0 && echo is not null && long.TryParse(message.ButtonMessageId, out var on))
        {
            var now = time.GetUtcNow().UtcDateTime;
            await writer.WriteAsync(async (scope, ct) =>
            {
                await WebChatEchoes.WriteAsync(scope, message.ChatId, on, echo, now, ct);
                return 1;
            });
            feed.Notify(message.ChatId);
        }

        lanes.Post(stored);
    }
}
