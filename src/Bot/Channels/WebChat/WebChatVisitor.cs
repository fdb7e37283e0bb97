using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// One browser, known by a random secret in an HTTP-only cookie. The database never sees the secret: the chat id
/// is its SHA-256, so a leaked database does not let anyone speak as a visitor.
/// </summary>
public sealed record WebChatVisitor(string Secret, string ChatId, bool IsNew);

/// <summary>Issues and reads the visitor cookie, and the anti-forgery token tied to it (double submit, HMAC-signed).</summary>
public sealed class WebChatVisitors
{
    public const string CookieName = "antq_visitor";
    public const string TokenHeader = "X-Antq-Token";
    private const int SecretBytes = 32;

    // Signs the anti-forgery tokens. Per process: after a restart an open page fetches a new token once.
    private readonly byte[] _tokenKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The visitor of the request, or null when the request has no valid visitor cookie.</summary>
    public static WebChatVisitor? Find(HttpRequest request) =>
        request.Cookies.TryGetValue(CookieName, out var secret) && IsSecret(secret) ? new WebChatVisitor(secret, ChatIdOf(secret), false) : null;

    /// <summary>The visitor of the request; a browser without the cookie becomes a new visitor (a new resident).</summary>
    public static WebChatVisitor FindOrIssue(HttpContext http)
    {
        if (Find(http.Request) is { } known)
        {
            return known;
        }

        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));
        http.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = WebChatChannel.Path,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return new WebChatVisitor(secret, ChatIdOf(secret), true);
    }

    public string TokenFor(WebChatVisitor visitor) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_tokenKey, Encoding.UTF8.GetBytes("webchat-post:" + visitor.Secret)));

    public bool HasValidToken(HttpRequest request, WebChatVisitor visitor)
    {
        var given = request.Headers[TokenHeader].ToString();
        return given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(TokenFor(visitor)));
    }

    private static string ChatIdOf(string secret) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private static bool IsSecret(string value) =>
        value.Length == 43 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
