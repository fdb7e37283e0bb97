using System.Text.Json.Nodes;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// Sends one outgoing message as Zalo consultation messages: fitted to Zalo (5 buttons, 2,000 characters, no
/// edits), only inside the 7-day window, with one token refresh and retry on -216/-220. Says how it went; the
/// dispatcher owns pacing and retries.
/// </summary>
public sealed class ZaloSender(
    ZaloApi api,
    ZaloTokens tokens,
    ZaloKeyboards keyboards,
    ZaloActivity activity,
    IDbContextFactory<AntqDb> dbFactory,
    TextCatalog texts,
    MediaFiles files,
    TimeProvider time,
    IOptions<ZaloOptions> options) : IChannelSender
{
    private const int MaxButtonTitle = 100;

    /// <summary>Zalo takes JPEG and PNG photos up to 1 MB.</summary>
    private const int MaxImageBytes = 1024 * 1024;

    // A photo sent to many residents (a broadcast's) is uploaded once, even by sends running at the same time; Zalo
    // keeps the attachment for later messages.
    private static readonly TimeSpan KeepUploads = TimeSpan.FromHours(1);
    private readonly Dictionary<(string?, string), (Task<string?> Id, DateTimeOffset Until)> _uploads = [];
    private readonly Lock _uploadsLock = new();

    public string Channel => ZaloChannel.ChannelName;

    public ChannelLimits Limits { get; } = new(options.Value.RequestsPerMinute / 60.0, options.Value.PerUserPerSecond, PerChatBurst: 5);

    public ChannelCapabilities Capabilities => ZaloChannel.Capabilities;

    public async Task<SendResult> SendAsync(string chatId, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!await activity.WithinWindowAsync(chatId, cancellationToken))
            {
                return new SendResult(SendStatus.NotReachable, Error: "no interaction with the OA in the last 7 days");
            }

            var language = message.Buttons.Sum(r => r.Count) > Capabilities.MaxButtons ? await LanguageAsync(chatId, cancellationToken) : Languages.Default;
            var fitted = MessageFitter.Fit(message, Capabilities, count => texts.Get(language, "channel.reply_with_number", count));
            if (fitted.Choices.Count > 0)
            {
                await keyboards.RememberAsync(chatId, fitted.Choices, fitted.Numbered, cancellationToken);
            }

            foreach (var part in fitted.Parts)
            {
                if (part.Media is { } media && await ImageAsync(chatId, media, cancellationToken) is { } image)
                {
                    var shown = await SendOneAsync(image, cancellationToken);
                    if (shown.Status != SendStatus.Sent)
                    {
                        return shown;
                    }
                }

                if (part.Text.Length == 0 && part.Buttons.Count == 0)
                {
                    continue;
                }

                var result = await SendOneAsync(TextBody(chatId, part), cancellationToken);
                if (result.Status != SendStatus.Sent)
                {
                    return result;
                }
            }

            return SendResult.Sent;
        }
        catch (HttpRequestException ex)
        {
            return new SendResult(SendStatus.Transient, Error: "network: " + (ex.StatusCode is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.HttpRequestError.ToString()));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendResult(SendStatus.Transient, Error: "timeout");
        }
        catch (ZaloTokenException ex)
        {
            return new SendResult(SendStatus.Transient, Error: ex.Message);
        }
        catch (System.Text.Json.JsonException)
        {
            return new SendResult(SendStatus.Transient, Error: "Zalo answered with something that is not JSON");
        }
        catch (MediaUnavailableException ex)
        {
            return new SendResult(SendStatus.Rejected, Error: "media: " + ex.Message);
        }
        catch (ZaloUploadException ex)
        {
            return ex.Result;
        }
    }

    /// <summary>
    /// The photo as a Zalo media message: a plain web address as it is, anything else (a resident's photo, even one
    /// sent over Zalo, an officer's Telegram photo, a web chat upload, a chart) fetched, re-encoded without its metadata
    /// and uploaded. Null when Zalo cannot show it (not a photo, not JPEG or PNG, over 1 MB): the text still goes.
    /// </summary>
    private async Task<JsonObject?> ImageAsync(string chatId, MediaRef media, CancellationToken cancellationToken)
    {
        if (media is { Content: null, Channel: null } && Uri.TryCreate(media.Source, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
        {
            return ImageBody(chatId, new JsonObject { ["media_type"] = "image", ["url"] = url.ToString() });
        }

        if (media.Kind != AttachmentKind.Photo || (media.Content is null && media.Channel is null))
        {
            return null;
        }

        Task<string?> upload;
        if (media.Content is not null)
        {
            upload = UploadAsync(media, cancellationToken);
        }
        else
        {
            var key = (media.Channel, media.Source);
            var now = time.GetUtcNow();
            lock (_uploadsLock)
            {
                if (!_uploads.TryGetValue(key, out var known) || known.Until <= now || known.Id.IsFaulted)
                {
                    foreach (var stale in _uploads.Where(u => u.Value.Until <= now).Select(u => u.Key).ToList())
                    {
                        _uploads.Remove(stale);
                    }

                    known = (UploadAsync(media, CancellationToken.None), now + KeepUploads);
                    _uploads[key] = known;
                }

                upload = known.Id;
            }
        }

        return await upload is { } id ? ImageBody(chatId, new JsonObject { ["media_type"] = "image", ["attachment_id"] = id }) : null;
    }

    /// <summary>Uploads the photo; null when Zalo cannot show it (not JPEG or PNG, over 1 MB).</summary>
    private async Task<string?> UploadAsync(MediaRef media, CancellationToken cancellationToken)
    {
        var bytes = (await files.WithContentAsync(media, cancellationToken)).Content!;
        var type = ImageFormat.Sniff(bytes)?.MimeType;
        if (type is not ("image/jpeg" or "image/png") || bytes.Length > MaxImageBytes)
        {
            return null;
        }

        var token = await tokens.AccessTokenAsync(cancellationToken);
        var upload = await api.UploadImageAsync(token, bytes, type, cancellationToken);
        if (ZaloErrors.IsTokenProblem(upload.Error))
        {
            token = await tokens.RefreshAsync(token, cancellationToken);
            upload = await api.UploadImageAsync(token, bytes, type, cancellationToken);
        }

        return upload is { Error: 0, AttachmentId: { } id } ? id : throw new ZaloUploadException(Judge(new ZaloAnswer(upload.Error, upload.Message)));
    }

    /// <summary>One request; an invalid or expired access token is refreshed once and the request sent again.</summary>
    private async Task<SendResult> SendOneAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var token = await tokens.AccessTokenAsync(cancellationToken);
        var answer = await api.SendMessageAsync(token, body, cancellationToken);
        if (ZaloErrors.IsTokenProblem(answer.Error))
        {
            token = await tokens.RefreshAsync(token, cancellationToken);
            answer = await api.SendMessageAsync(token, body.DeepClone().AsObject(), cancellationToken);
        }

        return Judge(answer);
    }

    private static SendResult Judge(ZaloAnswer answer) => answer.Error switch
    {
        0 => SendResult.Sent,
        ZaloErrors.RateLimited => new SendResult(SendStatus.RetryAfter, TimeSpan.FromSeconds(60), "zalo -32 rate limit"),
        ZaloErrors.NotFollower => new SendResult(SendStatus.Blocked, Error: "zalo -213 not a follower"),
        ZaloErrors.OutsideWindow or ZaloErrors.OutsideWindowPaid => new SendResult(SendStatus.NotReachable, Error: $"zalo {answer.Error} no interaction in 7 days"),
        ZaloErrors.BadParameter => new SendResult(SendStatus.Rejected, Error: $"zalo -201 {answer.Message}"),
        _ => new SendResult(SendStatus.Transient, Error: $"zalo {answer.Error} {answer.Message}"),
    };

    private static JsonObject TextBody(string chatId, FittedPart part)
    {
        var message = new JsonObject { ["text"] = part.Text };
        if (part.Buttons.Count > 0)
        {
            // oa.query.show sends the payload back as the user's own message: the label, which ZaloKeyboards maps back.
            var buttons = new JsonArray([.. part.Buttons.Select(b => (JsonNode)new JsonObject
            {
                ["title"] = Title(b.Label),
                ["type"] = "oa.query.show",
                ["payload"] = b.Label,
            })]);
            message["attachment"] = new JsonObject { ["type"] = "template", ["payload"] = new JsonObject { ["buttons"] = buttons } };
        }

        return new JsonObject { ["recipient"] = new JsonObject { ["user_id"] = chatId }, ["message"] = message };
    }

    private static JsonObject ImageBody(string chatId, JsonObject element) => new()
    {
        ["recipient"] = new JsonObject { ["user_id"] = chatId },
        ["message"] = new JsonObject
        {
            ["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["template_type"] = "media",
                    ["elements"] = new JsonArray(element),
                },
            },
        },
    };

    private static string Title(string label) => label.Length <= MaxButtonTitle ? label : label[..(MaxButtonTitle - 1)] + "…";

    private async Task<string> LanguageAsync(string chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Residents.Where(r => r.Channel == ZaloChannel.ChannelName && r.ChatId == chatId).Select(r => r.Language).FirstOrDefaultAsync(cancellationToken)
            ?? await db.Conversations.Where(c => c.Channel == ZaloChannel.ChannelName && c.ChatId == chatId).Select(c => c.Language).FirstOrDefaultAsync(cancellationToken)
            ?? Languages.Default;
    }

    /// <summary>Zalo refused the photo's upload: the message goes no further, judged like a refused send.</summary>
    private sealed class ZaloUploadException(SendResult result) : Exception(result.Error)
    {
        public SendResult Result => result;
    }
}
