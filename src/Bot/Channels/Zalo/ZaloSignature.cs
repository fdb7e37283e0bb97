using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// Zalo's webhook signature: <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c>, the hex SHA-256 of app id + raw body +
/// timestamp + OA secret key. Compared on the raw hash bytes, in constant time.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static byte[] Compute(string appId, ReadOnlySpan<byte> body, string timestamp, string secret)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(appId));
        hash.AppendData(body);
        hash.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hash.AppendData(Encoding.UTF8.GetBytes(secret));
        return hash.GetHashAndReset();
    }

    /// <summary>The header value Zalo would send for this body.</summary>
    public static string HeaderValue(string appId, ReadOnlySpan<byte> body, string timestamp, string secret) =>
        "mac=" + Convert.ToHexStringLower(Compute(appId, body, timestamp, secret));

    /// <summary>The hash bytes the header carries, or null when it is not <c>mac=</c> and 64 hex digits.</summary>
    public static byte[]? Parse(string? header)
    {
        if (header is null || !header.StartsWith("mac=", StringComparison.OrdinalIgnoreCase) || header.Length != 4 + 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(header.AsSpan(4));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static bool Matches(byte[] given, string appId, ReadOnlySpan<byte> body, string timestamp, string secret) =>
        CryptographicOperations.FixedTimeEquals(given, Compute(appId, body, timestamp, secret));

    /// <summary>
    /// The event's top-level "timestamp" as the signature covers it (a string's value, a number's digits), read by a
    /// forward-only scan that stops there: nothing else of an unverified body is parsed. Null when there is none.
    /// </summary>
    public static string? Timestamp(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                reader.Read();
                if (isTimestamp)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => reader.GetString(),
                        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
                        _ => null,
                    };
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed before a timestamp: nothing to verify it with.
        }

        return null;
    }

    /// <summary>How far the timestamp (Unix milliseconds) is from <paramref name="now"/>; null when it is not one.</summary>
    public static TimeSpan? Age(string timestamp, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds < 253_402_300_800_000
            ? now - DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;
}
