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
    IOptions<ZaloOptions> options) : IChannelSender
{
    private const int MaxButtonTitle = 100;

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

            var language = message.Buttons.Sum(r => r.Count) > Capabilities.MaxButtons ? await LanguageAsync(chatId, cancellationToken) : "vi";
            var fitted = MessageFitter.Fit(message, Capabilities, count => texts.Get(language, "channel.reply_with_number", count));
            if (fitted.Choices.Count > 0)
            {
                await keyboards.RememberAsync(chatId, fitted.Choices, fitted.Numbered, cancellationToken);
            }

            foreach (var part in fitted.Parts)
            {
                if (part.Media is { Source: var source } && Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
                {
                    var shown = await SendOneAsync(ImageBody(chatId, url), cancellationToken);
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

    private static JsonObject ImageBody(string chatId, Uri url) => new()
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
                    ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["url"] = url.ToString() }),
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
            ?? "vi";
    }
}
