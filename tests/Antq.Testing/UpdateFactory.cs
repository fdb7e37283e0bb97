using System.Globalization;
using System.Text.Json.Nodes;

namespace Antq.Testing;

/// <summary>
/// Private-chat updates shaped like the ones Telegram delivers (checked against real samples):
/// the user's id equals the chat id, <c>from.is_bot</c> is false, <c>chat.type</c> is "private",
/// <c>date</c> is Unix seconds. Returned as JSON text for <see cref="FakeBotApi.EnqueueUpdate(string)"/>
/// or for posting to a webhook. Message ids are derived from the update id so they are unique and repeatable.
/// </summary>
public static class UpdateFactory
{
    /// <summary>Bot user id used in callback messages and my_chat_member; matches the default token "123456:TEST".</summary>
    public const long BotId = 123456;

    public const string FirstName = "Lan";
    public const string LastName = "Nguyễn";
    public const string Username = "lan_nguyen_ls";

    /// <summary>A text message; a leading "/command" gets its bot_command entity, as Telegram adds it.</summary>
    public static string Text(long updateId, long chatId, string text, string languageCode = "vi")
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = Message(updateId, chatId, languageCode);
        message["text"] = text;
        if (text.StartsWith('/') && text.Length > 1)
        {
            var end = text.IndexOfAny([' ', '\n']);
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = end < 0 ? text.Length : end, ["type"] = "bot_command" });
        }

        return Update(updateId, "message", message);
    }

    /// <summary>An inline-button press: callback_query from the user on bot message <paramref name="messageId"/> in that chat.</summary>
    public static string Button(long updateId, long chatId, string data, int messageId = 1, string languageCode = "vi")
    {
        ArgumentNullException.ThrowIfNull(data);
        var callback = new JsonObject
        {
            ["id"] = (4_000_000_000_000_000_000L + updateId).ToString(CultureInfo.InvariantCulture),
            ["from"] = User(chatId, languageCode),
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["from"] = Bot(),
                ["chat"] = Chat(chatId),
                ["date"] = Now() - 5,
                ["text"] = "…",
            },
            ["chat_instance"] = (-3_000_000_000_000_000_000L - chatId).ToString(CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        return Update(updateId, "callback_query", callback);
    }

    /// <summary>A regular static sticker.</summary>
    public static string Sticker(long updateId, long chatId, string emoji = "👍")
    {
        var message = Message(updateId, chatId);
        message["sticker"] = new JsonObject
        {
            ["width"] = 512,
            ["height"] = 512,
            ["emoji"] = emoji,
            ["set_name"] = "HotCherry",
            ["is_animated"] = false,
            ["is_video"] = false,
            ["type"] = "regular",
            ["thumbnail"] = FileObject("AAMCAgADGQEAAg", 128, 128, 5_432),
            ["file_id"] = "CAACAgIAAxkBAAIB" + updateId.ToString(CultureInfo.InvariantCulture),
            ["file_unique_id"] = "AgADwQADVp29Cg",
            ["file_size"] = 24_680,
        };
        return Update(updateId, "message", message);
    }

    /// <summary>A photo (three sizes, smallest first, as Telegram sends them), optionally captioned.</summary>
    public static string Photo(long updateId, long chatId, string? caption = null)
    {
        var message = Message(updateId, chatId);
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        message["photo"] = new JsonArray(
            FileObject("AgACAgUAAxkBAAI" + id + "s", 90, 68, 1_397),
            FileObject("AgACAgUAAxkBAAI" + id + "m", 320, 240, 19_218),
            FileObject("AgACAgUAAxkBAAI" + id + "x", 1280, 960, 143_752));
        if (caption is not null)
        {
            message["caption"] = caption;
        }

        return Update(updateId, "message", message);
    }

    /// <summary>A file sent as a document (a photo sent "as file" keeps its bytes and name this way); file id "BQACAgUAAxkBAAI" + update id.</summary>
    public static string Document(long updateId, long chatId, string fileName, string mimeType, int size = 2_048)
    {
        var message = Message(updateId, chatId);
        message["document"] = new JsonObject
        {
            ["file_name"] = fileName,
            ["mime_type"] = mimeType,
            ["file_id"] = "BQACAgUAAxkBAAI" + updateId.ToString(CultureInfo.InvariantCulture),
            ["file_unique_id"] = "AgADdAQAAl",
            ["file_size"] = size,
        };
        return Update(updateId, "message", message);
    }

    /// <summary>A shared location (defaults to Hoàn Kiếm, Hà Nội).</summary>
    public static string Location(long updateId, long chatId, double latitude = 21.028511, double longitude = 105.852180)
    {
        var message = Message(updateId, chatId);
        message["location"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = longitude };
        return Update(updateId, "message", message);
    }

    /// <summary>
    /// A shared contact. <paramref name="own"/> (the usual case, from a request_contact button) sets
    /// user_id to the sender; Telegram sends own numbers without the "+".
    /// </summary>
    public static string Contact(long updateId, long chatId, string phoneNumber = "84912345678", bool own = true)
    {
        ArgumentNullException.ThrowIfNull(phoneNumber);
        var message = Message(updateId, chatId);
        var contact = new JsonObject { ["phone_number"] = phoneNumber, ["first_name"] = FirstName, ["last_name"] = LastName };
        if (own)
        {
            contact["user_id"] = chatId;
        }

        message["contact"] = contact;
        return Update(updateId, "message", message);
    }

    /// <summary>The user blocked the bot: my_chat_member, bot member → kicked.</summary>
    public static string BlockedBot(long updateId, long chatId) => ChatMemberChange(updateId, chatId, "member", "kicked");

    /// <summary>The user unblocked (restarted) the bot: my_chat_member, bot kicked → member.</summary>
    public static string UnblockedBot(long updateId, long chatId) => ChatMemberChange(updateId, chatId, "kicked", "member");

    private static string ChatMemberChange(long updateId, long chatId, string oldStatus, string newStatus)
    {
        var change = new JsonObject
        {
            ["chat"] = Chat(chatId),
            ["from"] = User(chatId, "vi"),
            ["date"] = Now(),
            ["old_chat_member"] = Member(oldStatus),
            ["new_chat_member"] = Member(newStatus),
        };
        return Update(updateId, "my_chat_member", change);

        static JsonObject Member(string status)
        {
            var member = new JsonObject { ["user"] = Bot(), ["status"] = status };
            if (status == "kicked")
            {
                member["until_date"] = 0; // 0 = forever
            }

            return member;
        }
    }

    private static JsonObject Message(long updateId, long chatId, string languageCode = "vi") => new()
    {
        ["message_id"] = MessageIdFor(updateId),
        ["from"] = User(chatId, languageCode),
        ["chat"] = Chat(chatId),
        ["date"] = Now(),
    };

    private static int MessageIdFor(long updateId) => (int)(updateId % 2_000_000_000) + 1;

    private static JsonObject User(long id, string languageCode) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["username"] = Username,
        ["language_code"] = languageCode,
    };

    private static JsonObject Bot() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = FakeBotApi.BotFirstName,
        ["username"] = FakeBotApi.BotUsername,
    };

    private static JsonObject Chat(long id) => new()
    {
        ["id"] = id,
        ["first_name"] = FirstName,
        ["last_name"] = LastName,
        ["type"] = "private",
    };

    private static JsonObject FileObject(string fileId, int width, int height, int size) => new()
    {
        ["file_id"] = fileId,
        ["file_unique_id"] = "AQAD" + fileId[^6..],
        ["file_size"] = size,
        ["width"] = width,
        ["height"] = height,
    };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string Update(long updateId, string kind, JsonObject payload) =>
        new JsonObject { ["update_id"] = updateId, [kind] = payload }.ToJsonString();
}
