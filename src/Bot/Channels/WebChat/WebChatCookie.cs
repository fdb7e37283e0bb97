using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// The visitor cookie's value: <c>SECRET.NONCE.STAGE.MAC</c>, signed with HMAC-SHA256 under <c>WebChat:IdentityKey</c>.
/// Only values this server signed are read; anything else (made up, tampered, an old unsigned cookie) is not a visitor.
/// </summary>
public static class WebChatCookie
{
    private const int SecretBytes = 32;
    private const int NonceBytes = 16;

    public static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(SecretBytes));

    public static string NewNonce() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(NonceBytes));

    public static string Format(byte[] key, string secret, string nonce, WebChatStage stage)
    {
        var body = secret + "." + nonce + "." + ((int)stage).ToString(CultureInfo.InvariantCulture);
        return body + "." + WebEncoders.Base64UrlEncode(Mac(key, body));
    }

    /// <summary>The parts of a value this server signed, or false (in constant time for the signature).</summary>
    public static bool TryRead(byte[] key, string? value, out string secret, out string nonce, out WebChatStage stage)
    {
        (secret, nonce, stage) = ("", "", WebChatStage.Visitor);
        var parts = value?.Split('.');
        if (parts is not { Length: 4 } || parts[0].Length != 43 || parts[1].Length != 22 || parts[2] is not ("0" or "1" or "2") || parts[3].Length != 43)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = WebEncoders.Base64UrlDecode(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        if (!CryptographicOperations.FixedTimeEquals(given, Mac(key, string.Join('.', parts[0], parts[1], parts[2]))))
        {
            return false;
        }

        (secret, nonce, stage) = (parts[0], parts[1], (WebChatStage)(parts[2][0] - '0'));
        return true;
    }

    /// <summary>What the database keeps of a renewed value: the SHA-256 of its nonce (hex, 64 characters).</summary>
    public static string NonceHash(string nonce) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(nonce)));

    public static string ChatIdOf(string secret) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(secret)));

    private static byte[] Mac(byte[] key, string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes("antq-webchat-visitor\n" + body));
}
