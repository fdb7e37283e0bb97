using System.Security.Cryptography;

namespace Antq.Bot.Channels.WebChat;

/// <summary>Photos visitors attach: checked by their first bytes (not by what the browser claims) and kept in one folder.</summary>
public sealed class WebChatUploads(string folder)
{
    public const string FileIdPrefix = "webchat:";

    public string Folder => folder;

    /// <summary>The photo's type from its first bytes: JPEG, PNG or WebP; null for anything else.</summary>
    public static (string MimeType, string Extension)? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ("image/jpeg", "jpg"),
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => ("image/png", "png"),
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => ("image/webp", "webp"),
        _ => null,
    };

    /// <summary>Stores the photo under a random name and returns its file id.</summary>
    public async Task<string> SaveAsync(Stream photo, string extension, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        await using (var file = new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await photo.CopyToAsync(file, cancellationToken);
        }

        return FileIdPrefix + name;
    }
}
