using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.ReplyMarkups;

namespace Antq.Bot.Channels.Telegram;

/// <summary>Sends one outgoing message through the Bot API and says how it went; the dispatcher owns retries and pacing.</summary>
public sealed class TelegramSender(ITelegramBotClient bot, MediaFiles files, TelegramUploads uploads, IOptions<TelegramOptions> options) : IChannelSender
{
    public string Channel => TelegramChannel.ChannelName;

    public ChannelLimits Limits { get; } = new(
        options.Value.RateLimit.PerSecond,
        options.Value.RateLimit.PerChatPerSecond,
        options.Value.RateLimit.PerChatBurst,
        options.Value.PaidBroadcast ? options.Value.RateLimit.PaidPerSecond : null);

    public async Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var chat = new ChatId(long.Parse(chatId, CultureInfo.InvariantCulture));
        var keyboard = Keyboard(message);
        try
        {
            if (message.ReplacesMessageId is { } replaces && await TryEditAsync(chat, int.Parse(replaces, CultureInfo.InvariantCulture), message, keyboard, cancellationToken))
            {
                return new SendResult(SendStatus.Sent, MessageId: replaces);
            }

            var sent = message.Media is { } media
                ? await SendMediaAsync(chat, media, message.Text, keyboard, message.PaidBroadcast, cancellationToken)
                : await bot.SendMessage(chat, message.Text, replyMarkup: keyboard, allowPaidBroadcast: message.PaidBroadcast, cancellationToken: cancellationToken);
            return new SendResult(SendStatus.Sent, MessageId: sent.MessageId.ToString(CultureInfo.InvariantCulture));
        }
        catch (ApiRequestException ex)
        {
            return Judge(ex);
        }
        catch (MediaUnavailableException ex)
        {
            return new SendResult(SendStatus.Rejected, Error: "media: " + ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: "network: " + ex.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Transient, Error: "timeout");
        }
        catch (RequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: ex.GetType().Name + " " + (int?)ex.HttpStatusCode);
        }
    }

    private static SendResult Judge(ApiRequestException ex) => ex.ErrorCode switch
    {
        429 => new SendResult(SendStatus.RetryAfter, TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1)), "429"),
        403 => new SendResult(SendStatus.Blocked, Error: ex.Message),
        400 or 404 => new SendResult(SendStatus.Rejected, Error: ex.Message),
        _ => new SendResult(SendStatus.Transient, Error: $"{ex.ErrorCode} {ex.Message}"),
    };

    /// <summary>Edits the earlier message in place; false when Telegram cannot edit it (too old, deleted), so it is sent anew.</summary>
    private async Task<bool> TryEditAsync(ChatId chat, int messageId, OutgoingMessage message, InlineKeyboardMarkup? keyboard, CancellationToken cancellationToken)
    {
        try
        {
            await bot.EditMessageText(chat, messageId, message.Text, replyMarkup: keyboard, cancellationToken: cancellationToken);
            return true;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            // "message is not modified": the resident pressed the same thing twice; what they see is already right.
            return ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase);
        }
    }

    private async Task<Message> SendMediaAsync(ChatId chat, MediaRef media, string caption, InlineKeyboardMarkup? keyboard, bool paid, CancellationToken cancellationToken)
    {
        Task<Message> Send(InputFile file) => media.Kind switch
        {
            AttachmentKind.Photo => bot.SendPhoto(chat, file, caption, replyMarkup: keyboard, allowPaidBroadcast: paid, cancellationToken: cancellationToken),
            AttachmentKind.Video => bot.SendVideo(chat, file, caption, replyMarkup: keyboard, allowPaidBroadcast: paid, cancellationToken: cancellationToken),
            _ => bot.SendDocument(chat, file, caption, replyMarkup: keyboard, allowPaidBroadcast: paid, cancellationToken: cancellationToken),
        };

        if (media.Content is { } given)
        {
            return await Send(InputFile.FromStream(new MemoryStream(given), media.FileName ?? "file"));
        }

        // A photo from the console, the web chat or Zalo: Telegram knows nothing of its file id, so it is uploaded,
        // once; the next chats get it by the id Telegram gives the upload.
        if (MediaFiles.NeedsBytes(media, Channel))
        {
            return await uploads.SendAsync(media, Send, async () =>
            {
                var loaded = await files.WithContentAsync(media, cancellationToken);
                return InputFile.FromStream(new MemoryStream(loaded.Content!), loaded.FileName ?? "file");
            });
        }

        return await Send(InputFile.FromString(media.Source));
    }

    private static InlineKeyboardMarkup? Keyboard(OutgoingMessage message) =>
        message.Buttons.Count == 0
            ? null
            : new InlineKeyboardMarkup(message.Buttons.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data))));
}
