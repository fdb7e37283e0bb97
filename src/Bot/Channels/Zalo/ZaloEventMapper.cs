using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Locale;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// Turns a Zalo OA webhook event into the channel-neutral <see cref="InboundMessage"/>. Ids are strings, the
/// timestamp is milliseconds as a string. Unknown events are ignored with a reason; never throws on a JSON object.
/// </summary>
public static class ZaloEventMapper
{
    /// <summary>A new follower is greeted as a Telegram user pressing Start is; a returning one is active again.</summary>
    public const string FollowText = "/start";

    public static ZaloInbound Map(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "event_name") is not { } name)
        {
            return ZaloInbound.Ignore("no event_name");
        }

        var sentAt = Timestamp(root);
        return name switch
        {
            "follow" or "unfollow" => Follow(root, name, sentAt),
            "user_send_text" or "user_send_image" or "user_send_location" or "user_send_file" or "user_send_sticker"
                or "user_send_gif" or "user_send_audio" or "user_send_video" or "user_send_link" or "user_send_business_card" => UserMessage(root, name, sentAt),
            "user_submit_info" => SubmitInfo(root, sentAt),
            _ => ZaloInbound.Ignore($"event {Short(name)}"),
        };
    }

    private static ZaloInbound UserMessage(JsonElement root, string name, DateTimeOffset sentAt)
    {
        if (Id(root, "sender") is not { } userId)
        {
            return ZaloInbound.Ignore($"{name} without sender");
        }

        if (!root.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object || Text(message, "msg_id") is not { Length: > 0 and <= 64 } msgId)
        {
            return ZaloInbound.Ignore($"{name} without msg_id");
        }

        var inbound = Base(msgId, userId, sentAt);
        var text = Nfc(Text(message, "text"));
        var attachment = FirstAttachment(message);
        var payload = attachment is { } a && a.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        return ZaloInbound.Accept(name switch
        {
            "user_send_text" when !string.IsNullOrWhiteSpace(text) => inbound with { Kind = InboundKind.Text, Text = text },
            "user_send_image" when Text(payload, "url") is { } url => Media(inbound, text, new Attachment(AttachmentKind.Photo, url, MimeType: "image/jpeg")),
            "user_send_file" when Text(payload, "url") is { } url => Media(inbound, null, new Attachment(AttachmentKind.Document, url, Size(payload), FileName: Nfc(Text(payload, "name")))),
            "user_send_audio" when Text(payload, "url") is { } url => Media(inbound, null, new Attachment(AttachmentKind.Voice, url)),
            "user_send_video" when Text(payload, "url") is { } url => Media(inbound, text, new Attachment(AttachmentKind.Video, url)),
            "user_send_location" when Coordinates(payload) is { } point => inbound with { Kind = InboundKind.Location, Location = point, Text = NullIfBlank(text) },
            _ => inbound with { Kind = InboundKind.Unsupported, UnsupportedWhat = name["user_send_".Length..] },
        });
    }

    private static ZaloInbound Follow(JsonElement root, string name, DateTimeOffset sentAt)
    {
        if (Id(root, "follower") is not { } userId)
        {
            return ZaloInbound.Ignore($"{name} without follower");
        }

        var inbound = Base(EventId(name, userId, root), userId, sentAt);
        return ZaloInbound.Accept(name == "follow"
            ? inbound with { Kind = InboundKind.Text, Text = FollowText }
            : inbound with { Kind = InboundKind.ChatLeft });
    }

    /// <summary>The form Zalo shows for a "request user info" message: it comes back as a contact card.</summary>
    private static ZaloInbound SubmitInfo(JsonElement root, DateTimeOffset sentAt)
    {
        if (Id(root, "sender") is not { } userId || !root.TryGetProperty("info", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return ZaloInbound.Ignore("user_submit_info without sender or info");
        }

        var inbound = Base(EventId("user_submit_info", userId, root), userId, sentAt);
        return ZaloInbound.Accept(inbound with
        {
            Kind = InboundKind.Contact,
            Contact = new ContactCard(Text(info, "phone") ?? "", Nfc(Text(info, "name")) ?? "", null, userId),
        });
    }

    private static InboundMessage Base(string updateId, string userId, DateTimeOffset sentAt) => new()
    {
        Channel = ZaloChannel.ChannelName,
        UpdateId = updateId,
        ChatId = userId,
        UserId = userId,
        Kind = InboundKind.Text,
        SentAt = sentAt,
    };

    private static InboundMessage Media(InboundMessage inbound, string? caption, Attachment attachment) =>
        inbound with { Kind = InboundKind.Media, Text = NullIfBlank(caption), Attachments = [attachment] };

    /// <summary>latitude/longitude (as Zalo documents) or lat/long, as strings or numbers; null when missing or out of range.</summary>
    private static GeoPoint? Coordinates(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty("coordinates", out var at) || at.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var latitude = Number(at, "latitude") ?? Number(at, "lat");
        var longitude = Number(at, "longitude") ?? Number(at, "long") ?? Number(at, "lng");
        return latitude is { } la && longitude is { } lo && Math.Abs(la) <= 90 && Math.Abs(lo) <= 180 ? new GeoPoint(la, lo) : null;
    }

    private static JsonElement? FirstAttachment(JsonElement message) =>
        message.TryGetProperty("attachments", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object
            ? list[0]
            : null;

    /// <summary>Events without a msg_id get one from what they are, who and when: a retried delivery maps to the same id.</summary>
    private static string EventId(string name, string userId, JsonElement root) =>
        name[..Math.Min(name.Length, 8)] + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name + "\n" + userId + "\n" + Text(root, "timestamp"))))[..40];

    private static string? Id(JsonElement root, string holder) =>
        root.TryGetProperty(holder, out var h) && h.ValueKind == JsonValueKind.Object && Text(h, "id") is { Length: > 0 and <= 64 } id ? id : null;

    private static DateTimeOffset Timestamp(JsonElement root) =>
        Text(root, "timestamp") is { } t && long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is > 0 and < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : default;

    private static double? Number(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v))
        {
            return null;
        }

        double d;
        var ok = v.ValueKind == JsonValueKind.Number
            ? v.TryGetDouble(out d)
            : double.TryParse(v.ValueKind == JsonValueKind.String ? v.GetString() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out d);
        return ok && double.IsFinite(d) ? d : null;
    }

    private static long? Size(JsonElement payload) => Number(payload, "size") is { } size ? (long)size : null;

    private static string? Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    private static string? Nfc(string? text) => text is null ? null : VietnameseText.Nfc(text);

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string Short(string name) => name.Length <= 40 ? name : name[..40];
}
