namespace Antq.Core.Conversations;

/// <summary>A photo's type, told by its first bytes (never by what a browser or a file name claims).</summary>
public static class ImageFormat
{
    /// <summary>JPEG, PNG or WebP with its extension; null for anything else.</summary>
    public static (string MimeType, string Extension)? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("image/jpeg", "jpg"),
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ("image/png", "png"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ("image/webp", "webp"),
        _ => null,
    };
}
