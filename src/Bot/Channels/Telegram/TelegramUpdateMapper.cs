using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Locale;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Antq.Bot.Channels.Telegram;

/// <summary>
/// Turns a Telegram <see cref="Update"/> into the channel-neutral <see cref="InboundMessage"/>.
/// Only what a resident does in a private chat with the bot becomes a message; everything else is ignored with a reason.
/// Never throws, whatever the update.
/// </summary>
public static class TelegramUpdateMapper
{
    /// <summary>
    /// Service messages: things that happened in the chat, not something the resident sent. Ignored.
    /// (Users/chat shared and Web App data are service messages to Telegram, but the resident sent them: they map to Unsupported.)
    /// </summary>
    private static readonly HashSet<MessageType> ServiceTypes =
    [
        MessageType.NewChatMembers,
        MessageType.LeftChatMember,
        MessageType.NewChatTitle,
        MessageType.NewChatPhoto,
        MessageType.DeleteChatPhoto,
        MessageType.PinnedMessage,
        MessageType.GroupChatCreated,
        MessageType.SupergroupChatCreated,
        MessageType.ChannelChatCreated,
        MessageType.MigrateFromChatId,
        MessageType.MigrateToChatId,
        MessageType.MessageAutoDeleteTimerChanged,
        MessageType.ProximityAlertTriggered,
        MessageType.VideoChatScheduled,
        MessageType.VideoChatStarted,
        MessageType.VideoChatEnded,
        MessageType.VideoChatParticipantsInvited,
        MessageType.ForumTopicCreated,
        MessageType.ForumTopicClosed,
        MessageType.ForumTopicReopened,
        MessageType.ForumTopicEdited,
        MessageType.GeneralForumTopicHidden,
        MessageType.GeneralForumTopicUnhidden,
        MessageType.WriteAccessAllowed,
        MessageType.ConnectedWebsite,
        MessageType.SuccessfulPayment,
        MessageType.RefundedPayment,
        MessageType.GiveawayCreated,
        MessageType.GiveawayCompleted,
        MessageType.BoostAdded,
        MessageType.ChatBackgroundSet,
        MessageType.Gift,
        MessageType.UniqueGift,
        MessageType.GiftUpgradeSent,
        MessageType.PaidMessagePriceChanged,
        MessageType.DirectMessagePriceChanged,
        MessageType.ChecklistTasksDone,
        MessageType.ChecklistTasksAdded,
        MessageType.SuggestedPostApproved,
        MessageType.SuggestedPostApprovalFailed,
        MessageType.SuggestedPostDeclined,
        MessageType.SuggestedPostPaid,
        MessageType.SuggestedPostRefunded,
        MessageType.ChatOwnerLeft,
        MessageType.ChatOwnerChanged,
        MessageType.ManagedBotCreated,
        MessageType.PollOptionAdded,
        MessageType.PollOptionDeleted,
        MessageType.CommunityChatAdded,
        MessageType.CommunityChatRemoved,
        MessageType.CommunityChatJoined,
    ];

    public static TelegramInbound Map(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var updateId = update.Id.ToString(CultureInfo.InvariantCulture);

        if (update.CallbackQuery is { } query)
        {
            return MapCallbackQuery(updateId, query);
        }

        if (update.Message is { } message)
        {
            return MapMessage(updateId, message);
        }

        if (update.MyChatMember is { } member)
        {
            return MapMyChatMember(updateId, member);
        }

        return TelegramInbound.Ignore(update switch
        {
            { EditedMessage: not null } => "edited message",
            { ChannelPost: not null } => "channel post",
            { EditedChannelPost: not null } => "edited channel post",
            { BusinessMessage: not null } => "business message",
            { EditedBusinessMessage: not null } => "edited business message",
            { GuestMessage: not null } => "guest message",
            _ => $"update kind {update.Type}",
        });
    }

    private static TelegramInbound MapMessage(string updateId, Message message)
    {
        if (message.Chat is not { } chat)
        {
            return TelegramInbound.Ignore("message without chat");
        }

        if (chat.Type != ChatType.Private)
        {
            return TelegramInbound.Ignore(NotPrivate(chat.Type));
        }

        if (message.From is { IsBot: true })
        {
            return TelegramInbound.Ignore("sent by a bot");
        }

        var type = message.Type;
        if (ServiceTypes.Contains(type))
        {
            return TelegramInbound.Ignore($"service message {type}");
        }

        var chatId = Id(chat.Id);
        var inbound = new InboundMessage
        {
            Channel = TelegramChannel.ChannelName,
            UpdateId = updateId,
            ChatId = chatId,
            UserId = message.From is { } from ? Id(from.Id) : chatId,
            LanguageHint = message.From?.LanguageCode,
            SentAt = Utc(message.Date),
            Kind = InboundKind.Unsupported,
        };

        var caption = VietnameseText.Nfc(message.Caption);
        var mapped = message switch
        {
            { Text: { } text } => inbound with { Kind = InboundKind.Text, Text = VietnameseText.Nfc(text) },
            { Photo: { Length: > 0 } sizes } => Media(inbound, caption, Largest(sizes)),
            { Animation: { } a } => Media(inbound, caption, new(AttachmentKind.Animation, a.FileId, a.FileSize, a.MimeType, a.FileName)),
            { Video: { } v } => Media(inbound, caption, new(AttachmentKind.Video, v.FileId, v.FileSize, v.MimeType, v.FileName)),
            { Voice: { } v } => Media(inbound, caption, new(AttachmentKind.Voice, v.FileId, v.FileSize, v.MimeType)),
            { Audio: { } a } => Media(inbound, caption, new(AttachmentKind.Audio, a.FileId, a.FileSize, a.MimeType, a.FileName)),
            { VideoNote: { } v } => Media(inbound, caption, new(AttachmentKind.VideoNote, v.FileId, v.FileSize)),
            { Document: { } d } => Media(inbound, caption, new(AttachmentKind.Document, d.FileId, d.FileSize, d.MimeType, d.FileName)),
            { Venue: { Location: { } at } venue } => inbound with
            {
                Kind = InboundKind.Location,
                Location = new GeoPoint(at.Latitude, at.Longitude),
                Text = VenueText(venue),
            },
            { Location: { } at } => inbound with { Kind = InboundKind.Location, Location = new GeoPoint(at.Latitude, at.Longitude) },
            { Contact: { } c } => inbound with
            {
                Kind = InboundKind.Contact,
                Contact = new ContactCard(
                    c.PhoneNumber ?? "",
                    VietnameseText.Nfc(c.FirstName),
                    VietnameseText.Nfc(c.LastName),
                    c.UserId is { } uid ? Id(uid) : null),
            },
            _ => inbound with { Kind = InboundKind.Unsupported, UnsupportedWhat = UnsupportedWhat(type), Text = caption },
        };

        return TelegramInbound.Accept(mapped);
    }

    private static TelegramInbound MapCallbackQuery(string updateId, CallbackQuery query)
    {
        var queryId = query.Id;
        if (query.From is not { } from)
        {
            return TelegramInbound.Ignore("callback query without sender", queryId);
        }

        string chatId;
        if (query.Message is { } message)
        {
            // An inaccessible message (too old or deleted) still names its chat.
            if (message.Chat is not { } chat)
            {
                return TelegramInbound.Ignore("callback query without chat", queryId);
            }

            if (chat.Type != ChatType.Private)
            {
                return TelegramInbound.Ignore(NotPrivate(chat.Type), queryId);
            }

            chatId = Id(chat.Id);
        }
        else if (query.InlineMessageId is not null)
        {
            // A button on a message sent in inline mode: it may sit in any chat, so there is no private chat to answer in.
            return TelegramInbound.Ignore("inline message button", queryId);
        }
        else
        {
            // In a private chat the chat id is the user id.
            chatId = Id(from.Id);
        }

        if (query.Data is not { } data)
        {
            return TelegramInbound.Ignore("game callback", queryId);
        }

        return TelegramInbound.Accept(
            new InboundMessage
            {
                Channel = TelegramChannel.ChannelName,
                UpdateId = updateId,
                ChatId = chatId,
                UserId = Id(from.Id),
                LanguageHint = from.LanguageCode,
                Kind = InboundKind.Button,
                ButtonData = data,

                // An inaccessible message (too old, deleted) cannot be edited, so its id is not offered for in-place updates.
                ButtonMessageId = query.Message is { Date.Ticks: > 0 } shown ? shown.MessageId.ToString(CultureInfo.InvariantCulture) : null,

                // Telegram gives no time for a button press; the host stamps the time it received the update.
                SentAt = default,
            },
            queryId);
    }

    private static TelegramInbound MapMyChatMember(string updateId, ChatMemberUpdated update)
    {
        if (update.Chat is not { } chat)
        {
            return TelegramInbound.Ignore("chat member update without chat");
        }

        if (chat.Type != ChatType.Private)
        {
            return TelegramInbound.Ignore(NotPrivate(chat.Type));
        }

        var status = update.NewChatMember?.Status;
        InboundKind? kind = status switch
        {
            ChatMemberStatus.Kicked or ChatMemberStatus.Left => InboundKind.ChatBlocked,
            ChatMemberStatus.Member => InboundKind.ChatUnblocked,
            _ => null,
        };
        if (kind is null)
        {
            return TelegramInbound.Ignore($"bot status {status?.ToString() ?? "missing"}");
        }

        var chatId = Id(chat.Id);
        return TelegramInbound.Accept(new InboundMessage
        {
            Channel = TelegramChannel.ChannelName,
            UpdateId = updateId,
            ChatId = chatId,
            UserId = update.From is { } from ? Id(from.Id) : chatId,
            LanguageHint = update.From?.LanguageCode,
            Kind = kind.Value,
            SentAt = Utc(update.Date),
        });
    }

    private static InboundMessage Media(InboundMessage inbound, string? caption, Attachment attachment) =>
        inbound with { Kind = InboundKind.Media, Text = caption, Attachments = [attachment] };

    /// <summary>The size with the most pixels (Telegram usually lists it last, but does not promise to); ties go to the bigger file.</summary>
    private static Attachment Largest(PhotoSize[] sizes)
    {
        var best = sizes
            .OrderByDescending(s => (long)s.Width * s.Height)
            .ThenByDescending(s => s.FileSize ?? 0)
            .First();
        return new Attachment(AttachmentKind.Photo, best.FileId, best.FileSize);
    }

    private static string? VenueText(Venue venue)
    {
        var parts = new[] { venue.Title, venue.Address }.Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        return parts.Length == 0 ? null : VietnameseText.Nfc(string.Join(", ", parts));
    }

    private static string UnsupportedWhat(MessageType type) => type switch
    {
        MessageType.Sticker => "sticker",
        MessageType.Dice => "dice",
        MessageType.Poll => "poll",
        MessageType.Game => "game",
        MessageType.Story => "story",
        _ => type.ToString().ToLowerInvariant(),
    };

    private static string NotPrivate(ChatType type) => type switch
    {
        ChatType.Group or ChatType.Supergroup => "group chat",
        ChatType.Channel => "channel chat",
        _ => $"chat type {type}",
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(DateTime date) =>
        new(date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : DateTime.SpecifyKind(date, DateTimeKind.Utc));
}
