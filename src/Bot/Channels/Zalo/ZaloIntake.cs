using Antq.Core.Inbox;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// What the webhook does with a verified event: turn a pressed label back into a button, note the interaction,
/// store it (a repeated msg_id is stored once) before Zalo is answered, and hand it to the lanes.
/// </summary>
public sealed partial class ZaloIntake(ZaloKeyboards keyboards, ZaloActivity activity, InboxStore inbox, InboxLanes lanes, TimeProvider time, ILogger<ZaloIntake> logger)
{
    public async Task AcceptAsync(ZaloInbound mapped, CancellationToken cancellationToken)
    {
        if (mapped.Message is not { } message)
        {
            LogIgnored(logger, mapped.IgnoredBecause);
            return;
        }

        if (message.SentAt == default)
        {
            message = message with { SentAt = time.GetUtcNow() };
        }

        message = await keyboards.ResolveAsync(message, cancellationToken);
        if (mapped.IsInteraction)
        {
            await activity.TouchAsync(message.ChatId, cancellationToken);
        }

        var stored = await inbox.StoreAsync([message], cancellationToken);
        lanes.Post(stored);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zalo event ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string? reason);
}
