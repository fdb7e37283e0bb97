using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Antq.Core.Channels;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Issues, reads and renews the visitor cookie, and the anti-forgery token tied to it (double submit, HMAC-signed).
/// A cookie is accepted only if this server signed it, and, once renewed (on consent, on an officer's sign-in), only in
/// its latest value: a value an attacker made up or planted before the renewal is refused and the browser gets a new one.
/// </summary>
public sealed class WebChatVisitors(byte[] identityKey, IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, TimeProvider time)
{
    /// <summary>The cookie over plain HTTP (path /chat).</summary>
    public const string CookieName = "antq_visitor";

    /// <summary>The cookie over HTTPS: the prefix makes the browser refuse it unless Secure, host-only and path /.</summary>
    public const string SecureCookieName = "__Host-antq_visitor";

    public const string TokenHeader = "X-Antq-Token";

    // Signs the anti-forgery tokens. Per process: after a restart an open page fetches a new token once.
    private readonly byte[] _tokenKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The signed visitor cookie of the request, checked for its signature only (cheap: for rate-limit partitions).</summary>
    public WebChatVisitor? Read(HttpRequest request)
    {
        var value = request.Cookies[request.IsHttps ? SecureCookieName : CookieName];
        return WebChatCookie.TryRead(identityKey, value, out var secret, out var nonce, out var stage)
            ? new WebChatVisitor(secret, WebChatCookie.ChatIdOf(secret), false) { Nonce = nonce, Stage = stage, Network = NetworkOf(request.HttpContext) }
            : null;
    }

    /// <summary>The visitor of the request, or null when its cookie is missing, not signed here, or replaced by a renewal.</summary>
    public async Task<WebChatVisitor?> FindAsync(HttpContext http)
    {
        if (Read(http.Request) is not { } visitor)
        {
            return null;
        }

        var renewed = await CurrentHashAsync(visitor.ChatId, http.RequestAborted);
        if (renewed is null)
        {
            return visitor;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(renewed), Encoding.ASCII.GetBytes(WebChatCookie.NonceHash(visitor.Nonce)))
            ? visitor with { Renewed = true }
            : null;
    }

    /// <summary>The visitor of the request; a browser without a valid cookie becomes a new visitor (a new resident).</summary>
    public async Task<WebChatVisitor> FindOrIssueAsync(HttpContext http)
    {
        if (await FindAsync(http) is { } known)
        {
            return known;
        }

        var secret = WebChatCookie.NewSecret();
        var nonce = WebChatCookie.NewNonce();
        SetCookie(http, WebChatCookie.Format(identityKey, secret, nonce, WebChatStage.Visitor));
        return new WebChatVisitor(secret, WebChatCookie.ChatIdOf(secret), true) { Nonce = nonce, Network = NetworkOf(http) };
    }

    /// <summary>
    /// A new cookie value for the same conversation when the visitor steps up (consent, officer sign-in), recorded as the
    /// only one valid from now on. Nothing changes when the visitor already stands there, or when another request of
    /// theirs renewed it a moment before (the cookie that request set stays).
    /// </summary>
    public async Task<WebChatVisitor> RenewAsync(HttpContext http, WebChatVisitor visitor, WebChatStage stage)
    {
        if (visitor.Renewed && visitor.Stage >= stage)
        {
            return visitor;
        }

        stage = (WebChatStage)Math.Max((int)stage, (int)visitor.Stage);
        var nonce = WebChatCookie.NewNonce();
        var previous = visitor.Renewed ? WebChatCookie.NonceHash(visitor.Nonce) : null;
        if (!await ChannelSessionStore.RenewAsync(writer, WebChatChannel.ChannelName, visitor.ChatId, previous, WebChatCookie.NonceHash(nonce), (int)stage, time.GetUtcNow().UtcDateTime))
        {
            return visitor;
        }

        SetCookie(http, WebChatCookie.Format(identityKey, visitor.Secret, nonce, stage));
        return visitor with { Nonce = nonce, Stage = stage, Renewed = true };
    }

    /// <summary>The step a post takes the visitor to, when it is one: "I agree" to the privacy notice, or /join.</summary>
    public static WebChatStage? StepOf(WebChatPost post) =>
        ConsentButton.Parse(post.Button)?.Given == true ? WebChatStage.Resident
        : post.Text?.TrimStart() is { } text && (text.Equals("/join", StringComparison.OrdinalIgnoreCase) || text.StartsWith("/join ", StringComparison.OrdinalIgnoreCase)) ? WebChatStage.Officer
        : null;

    // Tied to the chat, not to one cookie value, so a page keeps posting after its cookie is renewed.
    public string TokenFor(WebChatVisitor visitor) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_tokenKey, Encoding.UTF8.GetBytes("webchat-post:" + visitor.ChatId)));

    public bool HasValidToken(HttpRequest request, WebChatVisitor visitor)
    {
        var given = request.Headers[TokenHeader].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(TokenFor(visitor)));
    }

    private async Task<string?> CurrentHashAsync(string chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ChannelSessionStore.CurrentHashAsync(db, WebChatChannel.ChannelName, chatId, cancellationToken);
    }

    /// <summary>
    /// The visitor's network (the address after forwarded headers from known proxies): an IPv4 address, or an IPv6 /64
    /// (one subscriber's usual allocation), as a keyed hash, so the database never holds the address.
    /// </summary>
    private string? NetworkOf(HttpContext http)
    {
        if (http.Connection.RemoteIpAddress is not { } address)
        {
            return null;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var bytes = address.GetAddressBytes();
        var network = address.AddressFamily == AddressFamily.InterNetworkV6 ? new IPAddress([.. bytes[..8], .. new byte[8]]).ToString() + "/64" : address.ToString();
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(identityKey, Encoding.ASCII.GetBytes("network\n" + network))[..16]);
    }

    private static void SetCookie(HttpContext http, string value)
    {
        var https = http.Request.IsHttps;
        http.Response.Cookies.Append(https ? SecureCookieName : CookieName, value, new CookieOptions
        {
            HttpOnly = true,
            Secure = https,
            SameSite = SameSiteMode.Strict,
            Path = https ? "/" : WebChatChannel.Path,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }
}
