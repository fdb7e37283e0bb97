using Antq.Core.Inbox;
using Microsoft.Extensions.Logging;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// What both polling and the webhook do with received updates: map, store (before Telegram is answered), hand
/// the stored rows to the lanes, and answer every button press so the resident's spinner stops.
/// </summary>
public sealed partial class TelegramIntake(ITelegramBotClient bot, InboxStore inbox, InboxLanes lanes, TimeProvider time, ILogger<TelegramIntake> logger)
{
    public async Task AcceptAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mapped = updates.Select(TelegramUpdateMapper.Map).ToList();
        foreach (var ignored in mapped.Where(m => m.Message is null))
        {
            LogIgnored(logger, ignored.IgnoredBecause);
        }

        var messages = mapped.Where(m => m.Message is not null)
            .Select(m => m.Message!.SentAt == default ? m.Message with { SentAt = now } : m.Message!)
            .ToList();
        var stored = await inbox.StoreAsync(messages, cancellationToken);
        lanes.Post(stored);

        foreach (var queryId in mapped.Select(m => m.CallbackQueryId).OfType<string>())
        {
            _ = AnswerCallbackAsync(queryId);
        }
    }

    private async Task AnswerCallbackAsync(string queryId)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId);
        }
        catch (Exception ex)
        {
            // Only the spinner on the resident's button is at stake; the press itself is stored.
            LogCallbackAnswerFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answering a callback query failed ({Error})")]
    private static partial void LogCallbackAnswerFailed(ILogger logger, string error);
}
