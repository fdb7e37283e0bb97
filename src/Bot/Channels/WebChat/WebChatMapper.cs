using System.Security.Cryptography;
using System.Text;
using Antq.Core.Conversations;
using Antq.Core.Texts;
using Microsoft.AspNetCore.WebUtilities;

namespace Antq.Bot.Channels.WebChat;

/// <summary>Turns what the page posts into the channel-neutral <see cref="InboundMessage"/>, or says why it cannot.</summary>
public static class WebChatMapper
{
    public const int MaxButtonDataLength = 64;

    public static InboundMessage? Map(WebChatPost post, WebChatVisitor visitor, DateTimeOffset now, out string? problem)
    {
        problem = null;
        var given = new[] { post.Text is not null, post.Button is not null, post.Location is not null }.Count(g => g);
        if (given != 1)
        {
            problem = "Send exactly one of text, button or location.";
            return null;
        }

        var message = Base(post, visitor, now);
        if (post.Text is { } text)
        {
            text = text.Normalize(NormalizationForm.FormC);
            if (string.IsNullOrWhiteSpace(text))
            {
                problem = "The text is empty.";
                return null;
            }

            return message with { Kind = InboundKind.Text, Text = text };
        }

        if (post.Button is { } button)
        {
            if (button.Length is 0 or > MaxButtonDataLength || !long.TryParse(post.MessageId, out var messageId) || messageId <= 0)
            {
                problem = "A button press needs the button's data (at most 64 characters) and the id of the message that carried it.";
                return null;
            }

            return message with { Kind = InboundKind.Button, ButtonData = button, ButtonMessageId = post.MessageId };
        }

        var location = post.Location!;
        if (!double.IsFinite(location.Latitude) || !double.IsFinite(location.Longitude)
            || Math.Abs(location.Latitude) > 90 || Math.Abs(location.Longitude) > 180)
        {
            problem = "The location is not a latitude (-90..90) and longitude (-180..180).";
            return null;
        }

        return message with { Kind = InboundKind.Location, Location = new GeoPoint(location.Latitude, location.Longitude) };
    }

    /// <summary>A photo the visitor attached, already checked and stored under <paramref name="fileId"/>.</summary>
    public static InboundMessage Photo(WebChatVisitor visitor, string postId, string fileId, long size, string mimeType, string? caption, string? language, DateTimeOffset now) =>
        Base(new WebChatPost(postId, null, null, null, null, language), visitor, now) with
        {
            Kind = InboundKind.Media,
            Text = string.IsNullOrWhiteSpace(caption) ? null : caption.Normalize(NormalizationForm.FormC),
            Attachments = [new Attachment(AttachmentKind.Photo, fileId, size, mimeType)],
        };

    /// <summary>Letters, digits and '-' only, up to 64; anything else is replaced by a fresh id.</summary>
    public static string PostId(string? given) =>
        given is { Length: > 0 and <= 64 } && given.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? given
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static InboundMessage Base(WebChatPost post, WebChatVisitor visitor, DateTimeOffset now) => new()
    {
        Channel = WebChatChannel.ChannelName,

        // Unique per visitor: one visitor's ids can never shadow another's.
        UpdateId = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(visitor.ChatId + ":" + PostId(post.Id)))),
        ChatId = visitor.ChatId,
        UserId = visitor.ChatId,
        Kind = InboundKind.Text,
        LanguageHint = Languages.IsSupported(post.Language) ? post.Language : null,
        SentAt = now,
        Network = visitor.Network,
    };
}
