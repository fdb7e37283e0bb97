using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Antq.Bot.Channels.Telegram;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// The page (<c>GET /chat</c>) and its small API: the conversation so far, answers as they arrive (server-sent
/// events, or polling), and posts of text, button presses, locations and photos.
/// </summary>
public static class WebChatEndpoints
{
    // The default encoder escapes <, >, & and quotes: nothing a visitor typed can close a tag, even if misused.
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string PageSecurity =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<WebChatOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        // Without Telegram the web chat is the front door.
        if (!app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value.Enabled)
        {
            app.MapGet("/", () => Results.Redirect(WebChatChannel.Path));
        }

        var chat = app.MapGroup(WebChatChannel.Path);
        chat.MapGet("", PageAsync);
        chat.MapGet("/{asset:regex(^(chat\\.js|chat-strings\\.js|chat-view\\.js|chat-send\\.js|chat\\.css|icon\\.svg)$)}", Asset);
        chat.MapGet("/session", SessionAsync);
        chat.MapGet("/messages", MessagesAsync);
        chat.MapGet("/events", EventsAsync);
        chat.MapPost("/messages", PostAsync);
        chat.MapPost("/photos", WebChatPhotoEndpoint.PostAsync);
        chat.MapGet("/media/{id:long}", MediaAsync);
        return app;
    }

    private static async Task<IResult> PageAsync(HttpContext http, WebChatAssets assets, WebChatVisitors visitors)
    {
        await visitors.FindOrIssueAsync(http);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = PageSecurity;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var page = assets.Find("chat.html")!;
        return Results.Bytes(page.Bytes, page.ContentType);
    }

    private static IResult Asset(string asset, HttpContext http, WebChatAssets assets) => assets.Serve(asset, http);

    /// <summary>The visitor's conversation so far (edits applied), the anti-forgery token for posts, and where events start.</summary>
    private static async Task<IResult> SessionAsync(HttpContext http, WebChatVisitors visitors, WebChatHistory history, IOptions<WebChatOptions> options)
    {
        var visitor = await visitors.FindOrIssueAsync(http);
        var page = await history.ConversationAsync(visitor.ChatId, http.RequestAborted);
        NoStore(http);
        var body = new { token = visitors.TokenFor(visitor), messages = page.Messages, cursor = page.Cursor, maxPhotoBytes = options.Value.MaxPhotoBytes };
        return Results.Json(body, Json);
    }

    /// <summary>Polling, for pages (and tests) that do not use the event stream.</summary>
    private static async Task<IResult> MessagesAsync(HttpContext http, WebChatVisitors visitors, WebChatHistory history, long? after)
    {
        if (await visitors.FindAsync(http) is not { } visitor)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "no_visitor", "Open /chat first: it gives this browser its visitor cookie.");
        }

        var page = await history.AfterAsync(visitor.ChatId, Math.Max(0, after ?? 0), http.RequestAborted);
        NoStore(http);
        return Results.Json(new { messages = page.Messages, cursor = page.Cursor }, Json);
    }

    /// <summary>Server-sent events: each delivered message (or edit) as it arrives; a keep-alive comment every 15 s.</summary>
    private static async Task EventsAsync(HttpContext http, WebChatVisitors visitors, WebChatHistory history, WebChatFeed feed, WebChatLimits limits, IHostApplicationLifetime lifetime, long? after)
    {
        if (await visitors.FindAsync(http) is not { } visitor)
        {
            await Refuse(StatusCodes.Status401Unauthorized, "no_visitor", "Open /chat first: it gives this browser its visitor cookie.").ExecuteAsync(http);
            return;
        }

        using var lease = limits.TryStream(http);
        if (!lease.IsAcquired)
        {
            await TooMany(http, lease).ExecuteAsync(http);
            return;
        }

        var cursor = long.TryParse(http.Request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var resumed) ? resumed : Math.Max(0, after ?? 0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        NoStore(http);
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var shown = new HashSet<long>();
        try
        {
            await response.WriteAsync("retry: 2000\n\n", stop.Token);
            await response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var delivered = feed.Next(visitor.ChatId);
                var page = await history.AfterAsync(visitor.ChatId, cursor, stop.Token);
                var text = new StringBuilder();
                foreach (var message in page.Messages.Where(m => shown.Add(m.Id)))
                {
                    text.Append("id: ").Append(page.Cursor.ToString(CultureInfo.InvariantCulture)).Append("\nevent: message\ndata: ")
                        .Append(JsonSerializer.Serialize(message, Json)).Append("\n\n");
                }

                cursor = page.Cursor;
                shown.RemoveWhere(id => id <= cursor);
                var wait = page.SoonMore ? TimeSpan.FromMilliseconds(50) : TimeSpan.FromSeconds(15);
                if (text.Length > 0)
                {
                    await response.WriteAsync(text.ToString(), stop.Token);
                    await response.Body.FlushAsync(stop.Token);
                }

                try
                {
                    await delivered.WaitAsync(wait, stop.Token);
                }
                catch (TimeoutException) when (!page.SoonMore)
                {
                    await response.WriteAsync(": keep-alive\n\n", stop.Token);
                    await response.Body.FlushAsync(stop.Token);
                }
                catch (TimeoutException)
                {
                    // A row of this chat is being sent: read again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away, or the service is stopping: the browser reconnects where it left off.
        }
    }

    /// <summary>A typed text, a button press or a location: stored before the answer, then handled like any channel's message.</summary>
    private static async Task<IResult> PostAsync(HttpContext http, WebChatVisitors visitors, WebChatLimits limits, WebChatIntake intake, WebChatEchoes echoes, IOptions<WebChatOptions> options, TimeProvider time)
    {
        var (refused, visitor) = await GuardAsync(http, visitors, limits);
        if (refused is not null)
        {
            return refused;
        }

        if (!http.Request.HasJsonContentType())
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "unsupported_type", "Send the message as JSON (Content-Type: application/json).");
        }

        var max = options.Value.MaxPostBytes;
        if (!LimitBody(http, max))
        {
            return TooLarge(max);
        }

        WebChatPost? post;
        try
        {
            post = await http.Request.ReadFromJsonAsync<WebChatPost>(Json, http.RequestAborted);
        }
        catch (JsonException)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad_request", "The body is not the JSON the chat expects.");
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(max);
        }

        if (post is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad_request", "The body is empty.");
        }

        if (WebChatMapper.Map(post, visitor!, time.GetUtcNow(), out var problem) is not { } message)
        {
            return Refuse(StatusCodes.Status400BadRequest, "bad_request", problem ?? "The message cannot be read.");
        }

        // Consent and an officer's sign-in get a new cookie value for the same conversation (against fixation).
        if (WebChatVisitors.StepOf(post) is { } step)
        {
            await visitors.RenewAsync(http, visitor!, step);
        }

        // A press on a button the chat never showed (a forged or very old one) is handled, but not echoed.
        var echo = message.Kind == InboundKind.Button
            ? await echoes.LabelAsync(visitor!.ChatId, long.Parse(message.ButtonMessageId!, CultureInfo.InvariantCulture), message.ButtonData!, http.RequestAborted)
            : null;
        await intake.AcceptAsync(message, echo, http.RequestAborted);
        return Results.Json(new { status = "accepted" }, Json, statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>
    /// The photo or file of a message shown to this visitor (an officer's photo, a broadcast's picture), fetched from
    /// the channel that holds it: only a message of the visitor's own conversation, and only once it was delivered.
    /// </summary>
    private static async Task<IResult> MediaAsync(long id, HttpContext http, WebChatVisitors visitors, WebChatHistory history, MediaFiles files)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (await visitors.FindAsync(http) is not { } visitor)
        {
            return Refuse(StatusCodes.Status401Unauthorized, "no_visitor", "Open /chat first: it gives this browser its visitor cookie.");
        }

        if (await history.MediaAsync(visitor.ChatId, id, http.RequestAborted) is not { } media)
        {
            return Refuse(StatusCodes.Status404NotFound, "not_found", "No such photo in this conversation. / Không có ảnh này trong cuộc trò chuyện.");
        }

        byte[] bytes;
        try
        {
            bytes = media.Content ?? await files.BytesAsync(media.Channel ?? WebChatChannel.ChannelName, media.Source, http.RequestAborted);
        }
        catch (MediaUnavailableException)
        {
            return Refuse(StatusCodes.Status404NotFound, "gone", "This photo is no longer kept. / Ảnh này không còn được lưu.");
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or global::Telegram.Bot.Exceptions.RequestException)
        {
            return Refuse(StatusCodes.Status502BadGateway, "unavailable", "The photo cannot be fetched right now: try again later. / Chưa tải được ảnh, vui lòng thử lại sau.");
        }

        // Private to this browser; the bytes of one message never change.
        http.Response.Headers.CacheControl = "private, max-age=86400, immutable";
        if (ImageFormat.Sniff(bytes) is { } image)
        {
            return Results.Bytes(bytes, image.MimeType);
        }

        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(bytes, "application/octet-stream", media.FileName ?? "file");
    }

    /// <summary>Rate limits, then the visitor cookie and its anti-forgery token; no refusal when the post may go on.</summary>
    internal static async Task<(IResult? Refused, WebChatVisitor? Visitor)> GuardAsync(HttpContext http, WebChatVisitors visitors, WebChatLimits limits)
    {
        NoStore(http);
        using (var lease = limits.TryPost(http))
        {
            if (!lease.IsAcquired)
            {
                return (TooMany(http, lease), null);
            }
        }

        var visitor = await visitors.FindAsync(http);
        if (visitor is null || !visitors.HasValidToken(http.Request, visitor))
        {
            return (Refuse(StatusCodes.Status403Forbidden, "bad_token", "The chat session is missing or has expired: reload the page. / Phiên trò chuyện đã hết hạn: vui lòng tải lại trang."), null);
        }

        return (null, visitor);
    }

    /// <summary>Caps how much of the body is read; false when the declared length is already over.</summary>
    internal static bool LimitBody(HttpContext http, long max)
    {
        if (http.Request.ContentLength > max)
        {
            return false;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        return true;
    }

    private static IResult TooMany(HttpContext http, RateLimitLease lease)
    {
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return Refuse(StatusCodes.Status429TooManyRequests, "too_many", "You are sending too fast: wait a few seconds and send again. / Bạn gửi nhanh quá: vui lòng đợi vài giây rồi gửi lại.");
    }

    internal static IResult TooLarge(long max) =>
        Refuse(StatusCodes.Status413PayloadTooLarge, "too_large", $"Too large: at most {max / 1024} KB. / Quá lớn: tối đa {max / 1024} KB.");

    internal static IResult Refuse(int status, string error, string message) =>
        Results.Json(new { error, message }, Json, statusCode: status);

    private static void NoStore(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }
}
