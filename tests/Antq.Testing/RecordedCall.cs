using System.Text.Json;
using System.Text.Json.Nodes;

namespace Antq.Testing;

/// <summary>One request the <see cref="FakeBotApi"/> answered.</summary>
public sealed class RecordedCall
{
    /// <summary>Bot API method name in its canonical lower camel case ("sendMessage"), whatever case the client used.</summary>
    public required string Method { get; init; }

    /// <summary>
    /// The request parameters. JSON bodies are parsed as they are; form bodies (multipart or urlencoded)
    /// become an object of strings, so JSON-valued fields such as <c>reply_markup</c> stay JSON text.
    /// Query-string parameters are merged in. Never null (an empty body gives <c>{}</c>).
    /// </summary>
    public required JsonObject Body { get; init; }

    /// <summary>Uploaded files (multipart parts that carry a file name).</summary>
    public IReadOnlyList<RecordedFile> Files { get; init; } = [];

    /// <summary>The request's Content-Type header, null when there was no body (parameterless methods such as getMe).</summary>
    public string? ContentType { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>HTTP status answered; 0 when the connection was aborted on purpose.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The <c>result</c> sent back on success, otherwise null.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>The whole response body as sent (empty when the connection was aborted).</summary>
    public string ResponseJson { get; init; } = "";

    public bool Succeeded => StatusCode == 200;

    /// <summary><c>chat_id</c> as a string (numbers in their JSON form, strings as they are), or null.</summary>
    public string? ChatId => Field("chat_id");

    /// <summary>A parameter as a string: JSON strings unquoted, anything else as JSON text; null when absent.</summary>
    public string? Field(string name) => AsString(Body[name]);

    /// <summary>A parameter parsed as JSON, whether it came as JSON or as a JSON string in a form field.</summary>
    public JsonNode? JsonField(string name)
    {
        var node = Body[name];
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            try
            {
                return JsonNode.Parse(value.GetValue<string>());
            }
            catch (JsonException)
            {
                return node;
            }
        }

        return node;
    }

    internal static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public override string ToString()
    {
        var text = Field("text") ?? Field("caption");
        var detail = text is null ? "" : $" \"{(text.Length > 60 ? text[..60] + "…" : text)}\"";
        var chat = ChatId is null ? "" : $" chat_id={ChatId}";
        return $"{ReceivedAt:HH:mm:ss.fff} {Method}{chat}{detail} -> {StatusCode}";
    }
}

/// <summary>A file part of a multipart request (Telegram.Bot names the parts "0", "1", … and refers to them as "attach://0").</summary>
public sealed record RecordedFile(string FieldName, string FileName, string? ContentType, long Length)
{
    /// <summary>The uploaded bytes.</summary>
    public byte[] Content { get; init; } = [];
}

/// <summary>A successful <c>sendMessage</c> call, as the user would see it.</summary>
public sealed record SentMessage(
    string ChatId,
    string Text,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard)
{
    /// <summary>The <c>message_id</c> the fake returned for it.</summary>
    public int MessageId { get; init; }

    /// <summary>Rows of button texts when the reply markup was a reply keyboard (<c>keyboard</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard { get; init; } = [];

    public string? ParseMode { get; init; }

    public required RecordedCall Call { get; init; }

    /// <summary>All inline buttons, row by row.</summary>
    public IEnumerable<InlineButton> Buttons => InlineKeyboard.SelectMany(row => row);

    internal static SentMessage From(RecordedCall call)
    {
        var inline = new List<IReadOnlyList<InlineButton>>();
        var reply = new List<IReadOnlyList<string>>();
        if (call.JsonField("reply_markup") is JsonObject markup)
        {
            if (markup["inline_keyboard"] is JsonArray rows)
            {
                foreach (var row in rows.OfType<JsonArray>())
                {
                    inline.Add(row.OfType<JsonObject>()
                        .Select(b => new InlineButton(AsString(b["text"]) ?? "", AsString(b["callback_data"])) { Url = AsString(b["url"]) })
                        .ToList());
                }
            }

            if (markup["keyboard"] is JsonArray replyRows)
            {
                foreach (var row in replyRows.OfType<JsonArray>())
                {
                    // A reply button is either a plain string or an object with "text".
                    reply.Add(row.Select(b => b is JsonObject o ? AsString(o["text"]) ?? "" : AsString(b) ?? "").ToList());
                }
            }
        }

        var messageId = call.Result is JsonObject result && result["message_id"] is JsonValue id ? id.GetValue<int>() : 0;
        return new SentMessage(call.ChatId ?? "", call.Field("text") ?? "", inline)
        {
            MessageId = messageId,
            ReplyKeyboard = reply,
            ParseMode = call.Field("parse_mode"),
            Call = call,
        };
    }

    private static string? AsString(JsonNode? node) => RecordedCall.AsString(node);
}

/// <summary>An inline keyboard button; deconstructs to (Text, CallbackData).</summary>
public sealed record InlineButton(string Text, string? CallbackData)
{
    public string? Url { get; init; }
}
