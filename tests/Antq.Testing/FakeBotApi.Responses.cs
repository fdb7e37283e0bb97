using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Antq.Testing;

public sealed partial class FakeBotApi
{
    /// <summary>Display name the fake's bot user has (getMe, <c>from</c> of sent messages).</summary>
    public const string BotFirstName = "Antq Test Bot";

    /// <summary>Username the fake's bot user has.</summary>
    public const string BotUsername = "antq_test_bot";

    private readonly ConcurrentDictionary<string, Func<JsonObject, JsonNode>> _responders = new(StringComparer.Ordinal);
    private int _lastMessageId;
    private int _lastFileNumber;
    private volatile string? _webhookUrl;
    private volatile string? _commandsJson;

    /// <summary>URL from the last <c>setWebhook</c> (null after <c>deleteWebhook</c> or before any).</summary>
    public string? WebhookUrl => _webhookUrl;

    /// <summary>
    /// Replaces the built-in <c>result</c> of <paramref name="method"/>; <paramref name="result"/> gets
    /// the request parameters (see <see cref="RecordedCall.Body"/>). Injected failures still take precedence.
    /// </summary>
    public void RespondTo(string method, Func<JsonObject, JsonNode> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _responders[BotApiMethods.Normalize(method)] = result;
    }

    private JsonNode BuildResult(string method, JsonObject body)
    {
        if (_responders.TryGetValue(method, out var responder))
        {
            return responder(body);
        }

        switch (method)
        {
            case "getFile":
                var fileId = RecordedCall.AsString(body["file_id"]) ?? "";
                var content = FileContent(fileId);
                return new JsonObject
                {
                    ["file_id"] = fileId,
                    ["file_unique_id"] = "U" + fileId.GetHashCode(StringComparison.Ordinal).ToString("x", System.Globalization.CultureInfo.InvariantCulture),
                    ["file_size"] = content?.Length ?? 0,
                    ["file_path"] = "files/" + fileId,
                };
            case "getMe":
                return BotUser(full: true);
            case "sendMessage":
                return WithMarkup(NewMessage(body, NextMessageId()), body, ("text", body["text"]), ("entities", body["entities"] as JsonArray));
            case "sendPhoto":
                return WithMarkup(NewMessage(body, NextMessageId()), body, ("photo", PhotoSizes()), ("caption", body["caption"]));
            case "sendLocation":
                return WithMarkup(NewMessage(body, NextMessageId()), body, ("location", new JsonObject { ["latitude"] = Number(body["latitude"]), ["longitude"] = Number(body["longitude"]) }));
            case "sendMediaGroup":
                var count = (body["media"] is JsonArray media ? media.Count : (RecordedCall.AsString(body["media"]) is { } s ? JsonNode.Parse(s)?.AsArray().Count : null)) ?? 1;
                return new JsonArray(Enumerable.Range(0, Math.Max(1, count)).Select(_ => (JsonNode?)NewMessage(body, NextMessageId())).ToArray());
            case "sendChatAction":
                return true;
            case "copyMessage":
                return new JsonObject { ["message_id"] = NextMessageId() };
            case "forwardMessage":
                return NewMessage(body, NextMessageId());
            case "editMessageText" or "editMessageCaption" or "editMessageReplyMarkup" or "editMessageMedia" or "editMessageLiveLocation":
                // Inline messages answer true; chat messages answer the edited message.
                return body["inline_message_id"] is not null
                    ? true
                    : WithMarkup(NewMessage(body, (int)(ReadLong(body, "message_id") ?? 0)), body, ("text", body["text"]), ("caption", body["caption"]));
            case "setWebhook":
                _webhookUrl = RecordedCall.AsString(body["url"]);
                return true;
            case "deleteWebhook":
                _webhookUrl = null;
                if (RecordedCall.AsString(body["drop_pending_updates"]) is "true" or "True")
                {
                    lock (_updatesGate)
                    {
                        _updates.Clear();
                    }
                }

                return true;
            case "getWebhookInfo":
                return new JsonObject { ["url"] = _webhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = PendingUpdateCount };
            case "setMyCommands":
                _commandsJson = RecordedCall.AsString(body["commands"]);
                return true;
            case "deleteMyCommands":
                _commandsJson = null;
                return true;
            case "getMyCommands":
                return _commandsJson is null ? new JsonArray() : JsonNode.Parse(_commandsJson) ?? new JsonArray();
            default:
                // Other send* methods answer a bare message; everything else (answerCallbackQuery, deleteMessage, …) answers true.
                return method.StartsWith("send", StringComparison.Ordinal) ? WithMarkup(NewMessage(body, NextMessageId()), body, ("caption", body["caption"])) : true;
        }
    }

    private int NextMessageId() => Interlocked.Increment(ref _lastMessageId);

    private JsonObject BotUser(bool full = false)
    {
        var user = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = BotFirstName, ["username"] = BotUsername };
        if (full)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
        }

        return user;
    }

    private JsonObject NewMessage(JsonObject body, int messageId) => new()
    {
        ["message_id"] = messageId,
        ["from"] = BotUser(),
        ["chat"] = ChatFor(RecordedCall.AsString(body["chat_id"])),
        ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
    };

    /// <summary>Adds the given fields when present and echoes an inline keyboard, as Telegram does.</summary>
    private static JsonObject WithMarkup(JsonObject message, JsonObject body, params (string Name, JsonNode? Value)[] fields)
    {
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                message[name] = value.DeepClone();
            }
        }

        var markup = body["reply_markup"] switch
        {
            JsonObject o => o,
            JsonValue v when RecordedCall.AsString(v) is { } text && text.StartsWith('{') => JsonNode.Parse(text) as JsonObject,
            _ => null,
        };
        if (markup?["inline_keyboard"] is JsonArray keyboard)
        {
            message["reply_markup"] = new JsonObject { ["inline_keyboard"] = keyboard.DeepClone() };
        }

        return message;
    }

    /// <summary>A chat object for a chat_id: positive ids are private chats, -100… supergroups, other negatives groups, @names channels.</summary>
    private static JsonObject ChatFor(string? chatId)
    {
        if (long.TryParse(chatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return id > 0
                ? new JsonObject { ["id"] = id, ["first_name"] = "Test", ["type"] = "private" }
                : new JsonObject { ["id"] = id, ["title"] = "Test group", ["type"] = id <= -1_000_000_000_000 ? "supergroup" : "group" };
        }

        return new JsonObject { ["id"] = -1_001_234_567_890, ["title"] = "Test channel", ["username"] = chatId?.TrimStart('@') ?? "test", ["type"] = "channel" };
    }

    private JsonArray PhotoSizes()
    {
        var stamp = Interlocked.Increment(ref _lastFileNumber).ToString(CultureInfo.InvariantCulture);
        return new JsonArray(
            PhotoSize($"AgACAgUAAxkDAAI{stamp}s", 90, 67, 1_234),
            PhotoSize($"AgACAgUAAxkDAAI{stamp}m", 320, 240, 15_678),
            PhotoSize($"AgACAgUAAxkDAAI{stamp}x", 800, 600, 61_234));

        static JsonObject PhotoSize(string fileId, int width, int height, int size) => new()
        {
            ["file_id"] = fileId,
            ["file_unique_id"] = "AQAD" + fileId[^4..],
            ["file_size"] = size,
            ["width"] = width,
            ["height"] = height,
        };
    }

    private static JsonNode? Number(JsonNode? node) =>
        RecordedCall.AsString(node) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0.0;
}
