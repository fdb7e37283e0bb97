using System.Security.Cryptography;
using Antq.Core.Residents;
using Antq.Core.Tips;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Photos visitors attach: checked by their first bytes (not by what the browser claims) and kept in a folder per
/// visitor, so that erasing a visitor erases their photos; a tip's copy is archived like any channel's file.
/// </summary>
public sealed partial class WebChatUploads(string folder) : IResidentDataEraser, IChannelFiles
{
    public const string FileIdPrefix = "webchat:";

    public string Folder => folder;

    public string Channel => WebChatChannel.ChannelName;

    /// <summary>Stores the photo under a random name in the visitor's folder and returns its file id.</summary>
    public async Task<string> SaveAsync(string chatId, Stream photo, string extension, CancellationToken cancellationToken)
    {
        var visitorFolder = Path.Combine(folder, SafeName(chatId));
        Directory.CreateDirectory(visitorFolder);
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        await using (var file = new FileStream(Path.Combine(visitorFolder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await photo.CopyToAsync(file, cancellationToken);
        }

        return FileIdPrefix + SafeName(chatId) + "/" + name;
    }

    public Task EraseAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        var visitorFolder = Path.Combine(folder, SafeName(chatId));
        if (channel == Channel && Directory.Exists(visitorFolder))
        {
            Directory.Delete(visitorFolder, recursive: true);
        }

        return Task.CompletedTask;
    }

    public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        var relative = fileId.StartsWith(FileIdPrefix, StringComparison.Ordinal) ? fileId[FileIdPrefix.Length..] : throw new IOException("Not a web chat file id.");
        var parts = relative.Split('/');
        if (parts.Length != 2 || parts[0].Length == 0 || SafeName(parts[0]) != parts[0] || !StoredName().IsMatch(parts[1]))
        {
            throw new IOException("Malformed web chat file id.");
        }

        var path = Path.Combine(folder, parts[0], parts[1]);

        await using var file = File.OpenRead(path);
        await file.CopyToAsync(destination, cancellationToken);
    }

    // Chat ids of the web chat are hex hashes; anything else cannot become a path.
    private static string SafeName(string chatId) => new(chatId.Where(char.IsAsciiLetterOrDigit).ToArray());

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial System.Text.RegularExpressions.Regex StoredName();
}
