using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// The few calls of Zalo's Open API the service makes: send a consultation message, and trade a refresh token for
/// a new token pair. No retries here: the dispatcher owns pacing and retries, the token store owns refreshing.
/// </summary>
public sealed class ZaloApi(HttpClient http, IOptions<ZaloOptions> options)
{
    private readonly Uri _api = Base(options.Value.ApiBaseUrl);
    private readonly Uri _oauth = Base(options.Value.OAuthBaseUrl);

    /// <summary>POST /v3.0/oa/message/cs; Zalo answers errors with HTTP 200 and a negative <c>error</c>.</summary>
    public async Task<ZaloAnswer> SendMessageAsync(string accessToken, JsonObject body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api, "v3.0/oa/message/cs")) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new ZaloAnswer(ZaloErrors.RateLimited, "HTTP 429");
        }

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var error = json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
        var message = json.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        return new ZaloAnswer(error, message);
    }

    /// <summary>
    /// POST /v2.0/oa/upload/image (multipart field <c>file</c>, JPEG or PNG up to 1 MB): the attachment id a media
    /// message shows the photo by. Errors come as for messages.
    /// </summary>
    public async Task<ZaloUpload> UploadImageAsync(string accessToken, byte[] image, string contentType, CancellationToken cancellationToken)
    {
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        using var form = new MultipartFormDataContent { { file, "file", contentType == "image/png" ? "photo.png" : "photo.jpg" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_api, "v2.0/oa/upload/image")) { Content = form };
        request.Headers.TryAddWithoutValidation("access_token", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new ZaloUpload(ZaloErrors.RateLimited, "HTTP 429", null);
        }

        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var error = json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
        var id = json.TryGetProperty("data", out var data) ? Text(data, "attachment_id") : null;
        return new ZaloUpload(error == 0 && id is null ? ZaloErrors.BadParameter : error, Text(json, "message"), id);
    }

    /// <summary>POST /v4/oa/access_token with the single-use refresh token; null tokens in the answer mean Zalo refused.</summary>
    public async Task<ZaloTokenAnswer> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_oauth, "v4/oa/access_token"))
        {
            Content = new FormUrlEncodedContent([new("refresh_token", refreshToken), new("app_id", settings.AppId), new("grant_type", "refresh_token")]),
        };
        request.Headers.TryAddWithoutValidation("secret_key", settings.SecretKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var access = Text(json, "access_token");
        var refresh = Text(json, "refresh_token");

        // expires_in comes as a string ("90000"); a number is taken too.
        var seconds = Text(json, "expires_in") is { } s && long.TryParse(s, out var parsed) ? parsed : 90_000;
        var error = json.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Number ? e.GetInt32() : 0;
        return new ZaloTokenAnswer(access, refresh, TimeSpan.FromSeconds(seconds), error, Text(json, "error_name") ?? Text(json, "message"));
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value)
            ? value.ValueKind switch { JsonValueKind.String => value.GetString(), JsonValueKind.Number => value.GetRawText(), _ => null }
            : null;

    private static Uri Base(string url) => new(url.TrimEnd('/') + "/");
}

/// <summary>Zalo's answer to a send: <see cref="Error"/> 0 when it was sent.</summary>
public sealed record ZaloAnswer(int Error, string? Message);

/// <summary>An upload's answer: the attachment id, or Zalo's error.</summary>
public sealed record ZaloUpload(int Error, string? Message, string? AttachmentId);

/// <summary>A new token pair, or why not.</summary>
public sealed record ZaloTokenAnswer(string? AccessToken, string? RefreshToken, TimeSpan ExpiresIn, int Error, string? ErrorName)
{
    public bool Succeeded => !string.IsNullOrEmpty(AccessToken) && !string.IsNullOrEmpty(RefreshToken);
}

/// <summary>Error codes of Zalo's Open API the service acts on.</summary>
public static class ZaloErrors
{
    public const int RateLimited = -32;
    public const int BadParameter = -201;
    public const int NotFollower = -213;
    public const int InvalidToken = -216;
    public const int ExpiredToken = -220;
    public const int OutsideWindow = -230;
    public const int OutsideWindowPaid = -232;

    public static bool IsTokenProblem(int error) => error is InvalidToken or ExpiredToken;
}
