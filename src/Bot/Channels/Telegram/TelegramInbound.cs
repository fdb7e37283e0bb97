using Antq.Core.Conversations;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// What one Telegram update means to the service.
/// </summary>
/// <param name="Message">The resident's input, or null when the update is ignored.</param>
/// <param name="CallbackQueryId">
/// Set for every callback query, ignored or not: the host must answer each one,
/// or the resident's app keeps showing a progress indicator on the button.
/// </param>
/// <param name="IgnoredBecause">
/// Why the update is ignored, in a few words without personal data (for logs); null when <paramref name="Message"/> is set.
/// </param>
public sealed record TelegramInbound(InboundMessage? Message, string? CallbackQueryId, string? IgnoredBecause)
{
    public bool IsIgnored => Message is null;

    internal static TelegramInbound Accept(InboundMessage message, string? callbackQueryId = null) =>
        new(message, callbackQueryId, null);

    internal static TelegramInbound Ignore(string because, string? callbackQueryId = null) =>
        new(null, callbackQueryId, because);
}
