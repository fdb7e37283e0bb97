using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Testing;

/// <summary>A message the fake Zalo OA API was asked to send (accepted or not).</summary>
public sealed record ZaloSent(string UserId, string Text, IReadOnlyList<ZaloSentButton> Buttons, string? ImageUrl, string AccessToken, int Error, JsonObject Body, string? ImageAttachmentId = null)
{
    public bool Succeeded => Error == 0;
}

/// <summary>A button of a sent message: what it shows and what comes back when pressed.</summary>
public sealed record ZaloSentButton(string Title, string Type, string Payload);

/// <summary>A photo uploaded to the fake (<c>/v2.0/oa/upload/image</c>): the attachment id it was given and its bytes.</summary>
public sealed record ZaloUploaded(string AttachmentId, string ContentType, byte[] Bytes, string AccessToken);

/// <summary>A refresh the fake OAuth server was asked for.</summary>
public sealed record ZaloRefresh(string RefreshToken, string AppId, string SecretKey, bool Succeeded);

/// <summary>
/// An in-process stand-in for Zalo's Open API (<c>/v3.0/oa/message/cs</c>) and OAuth server
/// (<c>/v4/oa/access_token</c>) on a random loopback port. Access tokens expire when told; refresh tokens are
/// single-use, as Zalo's are; errors can be scripted per call. Every call is recorded.
/// </summary>
public sealed class FakeZaloApi : IAsyncDisposable
{
    public const string AppId = "3608465249409039";
    public const string SecretKey = "app-secret-key";
    public const string OaSecretKey = "oa-secret-key";
    public const string FirstRefreshToken = "refresh-0";

    private readonly Lock _gate = new();
    private readonly List<ZaloSent> _sent = [];
    private readonly List<ZaloRefresh> _refreshes = [];
    private readonly List<ZaloUploaded> _uploads = [];
    private readonly Queue<(int Error, string? UserId)> _failures = new();
    private readonly HashSet<string> _validAccess = [];
    private readonly HashSet<string> _spentRefresh = [];
    private string _liveRefresh = FirstRefreshToken;
    private int _issued;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>What <c>/files/…</c> serves by default: a small JPEG.</summary>
    public static byte[] Photo { get; } = TestImages.Jpeg();

    /// <summary>What <c>/files/{name}</c> serves, by name (a phone's photo with its metadata, say); <see cref="Photo"/> by default.</summary>
    public Func<string, byte[]> FileContent { get; set; } = _ => Photo;

    public IReadOnlyList<ZaloUploaded> Uploads
    {
        get
        {
            lock (_gate)
            {
                return [.. _uploads];
            }
        }
    }

    public IReadOnlyList<ZaloSent> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<ZaloRefresh> Refreshes
    {
        get
        {
            lock (_gate)
            {
                return [.. _refreshes];
            }
        }
    }

    /// <summary>Messages Zalo accepted for one user, in order.</summary>
    public IReadOnlyList<ZaloSent> ShownTo(string userId) => Sent.Where(s => s.UserId == userId && s.Succeeded).ToArray();

    public static async Task<FakeZaloApi> StartAsync()
    {
        var fake = new FakeZaloApi();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        fake._app = builder.Build();
        fake._app.Run(fake.HandleAsync);
        await fake._app.StartAsync().ConfigureAwait(false);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address).GetLeftPart(UriPartial.Authority);
        return fake;
    }

    /// <summary>Answers the next send (to <paramref name="userId"/>, or to anyone) with Zalo error <paramref name="error"/>.</summary>
    public void FailNextSend(int error, int times = 1, string? userId = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _failures.Enqueue((error, userId));
            }
        }
    }

    /// <summary>Every access token issued so far stops working: the next send gets -220, as after 25 hours.</summary>
    public void ExpireAccessTokens()
    {
        lock (_gate)
        {
            _validAccess.Clear();
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds, checking after every call.</summary>
    public async Task WaitForAsync(Func<bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!done())
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException("The fake Zalo API did not see what was awaited.");
            }

            await Task.WhenAny(changed, Task.Delay(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200))).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/files/", StringComparison.Ordinal))
        {
            // Where Zalo's CDN would serve a photo a user sent.
            context.Response.ContentType = "image/jpeg";
            await context.Response.Body.WriteAsync(FileContent(path["/files/".Length..])).ConfigureAwait(false);
            return;
        }

        JsonObject answer = path switch
        {
            "/v3.0/oa/message/cs" => await SendAsync(context).ConfigureAwait(false),
            "/v2.0/oa/upload/image" => await UploadAsync(context).ConfigureAwait(false),
            "/v4/oa/access_token" => await RefreshAsync(context).ConfigureAwait(false),
            _ => new JsonObject { ["error"] = -404, ["message"] = "not found" },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), Encoding.UTF8).ConfigureAwait(false);
        Signal();
    }

    private async Task<JsonObject> SendAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))!.AsObject();
        var token = context.Request.Headers["access_token"].ToString();
        var userId = body["recipient"]?["user_id"]?.GetValue<string>() ?? "";
        var message = body["message"]!.AsObject();
        var buttons = message["attachment"]?["payload"]?["buttons"]?.AsArray()
            .Select(b => new ZaloSentButton(b!["title"]!.GetValue<string>(), b["type"]!.GetValue<string>(), b["payload"]!.GetValue<string>()))
            .ToArray() ?? [];
        var image = message["attachment"]?["payload"]?["elements"]?[0]?["url"]?.GetValue<string>();
        var attachment = message["attachment"]?["payload"]?["elements"]?[0]?["attachment_id"]?.GetValue<string>();
        int error;
        lock (_gate)
        {
            error = !_validAccess.Contains(token) ? -220
                : buttons.Length > 5 || message["text"]?.GetValue<string>() is { Length: > 2000 } ? -201
                : attachment is not null && !_uploads.Any(u => u.AttachmentId == attachment) ? -201
                : TakeFailure(userId);
            _sent.Add(new ZaloSent(userId, message["text"]?.GetValue<string>() ?? "", buttons, image, token, error, body, attachment));
        }

        return error == 0
            ? new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["message_id"] = Guid.NewGuid().ToString("N"), ["user_id"] = userId } }
            : new JsonObject { ["error"] = error, ["message"] = Describe(error) };
    }

    /// <summary>A JPEG or PNG up to 1 MB in the multipart field "file", as Zalo takes them.</summary>
    private async Task<JsonObject> UploadAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var token = context.Request.Headers["access_token"].ToString();
        if (form.Files.GetFile("file") is not { } file)
        {
            return new JsonObject { ["error"] = -201, ["message"] = "file is missing" };
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer).ConfigureAwait(false);
        lock (_gate)
        {
            if (!_validAccess.Contains(token))
            {
                return new JsonObject { ["error"] = -220, ["message"] = Describe(-220) };
            }

            if (file.ContentType is not ("image/jpeg" or "image/png") || buffer.Length > 1024 * 1024)
            {
                return new JsonObject { ["error"] = -201, ["message"] = "only jpg or png up to 1 MB" };
            }

            var id = "att-" + (_uploads.Count + 1).ToString(CultureInfo.InvariantCulture);
            _uploads.Add(new ZaloUploaded(id, file.ContentType, buffer.ToArray(), token));
            return new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["attachment_id"] = id } };
        }
    }

    private async Task<JsonObject> RefreshAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync().ConfigureAwait(false);
        var refresh = form["refresh_token"].ToString();
        var appId = form["app_id"].ToString();
        var secret = context.Request.Headers["secret_key"].ToString();
        lock (_gate)
        {
            var ok = refresh == _liveRefresh && !_spentRefresh.Contains(refresh) && appId == AppId && secret == SecretKey && form["grant_type"] == "refresh_token";
            _refreshes.Add(new ZaloRefresh(refresh, appId, secret, ok));
            if (!ok)
            {
                return new JsonObject { ["error"] = -14014, ["error_name"] = "Invalid refresh token", ["error_description"] = "refresh token is invalid or used" };
            }

            _spentRefresh.Add(refresh);
            _issued++;
            var access = "access-" + _issued.ToString(CultureInfo.InvariantCulture);
            _liveRefresh = "refresh-" + _issued.ToString(CultureInfo.InvariantCulture);
            _validAccess.Add(access);
            return new JsonObject { ["access_token"] = access, ["refresh_token"] = _liveRefresh, ["expires_in"] = "90000" };
        }
    }

    private int TakeFailure(string userId)
    {
        if (_failures.Count > 0 && (_failures.Peek().UserId is null || _failures.Peek().UserId == userId))
        {
            return _failures.Dequeue().Error;
        }

        return 0;
    }

    private void Signal()
    {
        lock (_gate)
        {
            _changed.TrySetResult();
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static string Describe(int error) => error switch
    {
        -220 => "Access token has expired",
        -216 => "Access token is invalid",
        -230 => "User has not interacted with the OA in the last 7 days",
        -213 => "User has not followed the OA",
        -32 => "Exceeded request rate limit",
        _ => "Error",
    };

    /// <summary>Signs a webhook event as Zalo does: mac = SHA-256 hex of app id + body + timestamp + OA secret key.</summary>
    public static string Sign(string body, string timestamp, string appId = AppId, string secret = OaSecretKey) =>
        "mac=" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(appId + body + timestamp + secret)));

    /// <summary>A webhook event as Zalo posts it.</summary>
    public static JsonObject Event(string name, string userId, JsonObject? message = null, long? timestamp = null)
    {
        var stamp = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture);
        var json = new JsonObject { ["app_id"] = AppId, ["event_name"] = name, ["timestamp"] = stamp };
        if (name is "follow" or "unfollow")
        {
            json["oa_id"] = "388613280878808645";
            json["follower"] = new JsonObject { ["id"] = userId };
        }
        else
        {
            json["sender"] = new JsonObject { ["id"] = userId };
            json["recipient"] = new JsonObject { ["id"] = "388613280878808645" };
            json["user_id_by_app"] = "55" + userId;
            if (message is not null)
            {
                json["message"] = message;
            }
        }

        return json;
    }

    /// <summary>Serialises an event without reformatting, so the signature covers exactly what is posted.</summary>
    public static string Body(JsonObject json) => json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
