using System.Security.Cryptography;
using Antq.Core.Channels;
using Antq.Core.Residents;
using Antq.Core.Tips;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Photos visitors attach, already re-encoded without metadata, each under a random name in one folder: nothing in a
/// file's name or id says whose it is, so a tip's attachment cannot be joined to its tipster. Which visitor sent what
/// is kept in memory only, for a few hours, so that erasing a visitor erases the photos no tip holds.
/// </summary>
public sealed partial class WebChatUploads : IResidentDataEraser, IChannelFiles
{
    public const string FileIdPrefix = "webchat:";

    private readonly string _folder;
    private readonly WebChatUploadQuota _quota;
    private readonly ChannelFileReferences _references;
    private readonly TimeProvider _time;
    private readonly TimeSpan _remember;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<(string Name, DateTimeOffset At)>> _byVisitor = new(StringComparer.Ordinal);

    public WebChatUploads(string folder, ChannelFileReferences references, TimeProvider time, IOptions<WebChatOptions> options)
    {
        _folder = folder;
        _references = references;
        _time = time;
        _remember = options.Value.Uploads.KeepUnreferenced;
        _quota = new WebChatUploadQuota(options, time, Stored().Sum(f => f.Length));
    }

    public string Folder => _folder;

    public string Channel => WebChatChannel.ChannelName;

    /// <summary>Photos are re-encoded before they are stored (<see cref="SaveAsync"/>'s caller), so they go on as they are.</summary>
    public bool KeepsCleanFiles => true;

    public WebChatUploadQuota Quota => _quota;

    /// <summary>Stores the photo under a random name, counted against the visitor's and everyone's quota; the file id, or why not.</summary>
    public async Task<(string? FileId, (UploadRefusal Why, TimeSpan RetryAfter)? Refused)> SaveAsync(string chatId, byte[] photo, string extension, CancellationToken cancellationToken)
    {
        if (_quota.TryTake(chatId, photo.Length) is { } refused)
        {
            return (null, refused);
        }

        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + "." + extension;
        try
        {
            Directory.CreateDirectory(_folder);
            await using var file = new FileStream(Path.Combine(_folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await file.WriteAsync(photo, cancellationToken);
        }
        catch
        {
            File.Delete(Path.Combine(_folder, name));
            _quota.Freed(photo.Length);
            throw;
        }

        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (!_byVisitor.TryGetValue(chatId, out var mine))
            {
                _byVisitor[chatId] = mine = [];
            }

            mine.RemoveAll(u => now - u.At > _remember);
            mine.Add((name, now));
        }

        return (FileIdPrefix + name, null);
    }

    /// <summary>The visitor's photos that no tip, thread or broadcast holds are deleted at once.</summary>
    public async Task EraseAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        if (channel != Channel)
        {
            return;
        }

        List<string> names;
        lock (_lock)
        {
            names = _byVisitor.Remove(chatId, out var mine) ? [.. mine.Select(u => u.Name)] : [];
        }

        var held = await _references.InUseAsync(Channel, [.. names.Select(n => FileIdPrefix + n)], flowsActiveSince: null, cancellationToken);
        foreach (var name in names.Where(n => !held.Contains(FileIdPrefix + n)))
        {
            Delete(name);
        }
    }

    public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
    {
        var name = fileId.StartsWith(FileIdPrefix, StringComparison.Ordinal) ? fileId[FileIdPrefix.Length..] : throw new IOException("Not a web chat file id.");
        if (!StoredName().IsMatch(name))
        {
            throw new IOException("Malformed web chat file id.");
        }

        await using var file = File.OpenRead(Path.Combine(_folder, name));
        await file.CopyToAsync(destination, cancellationToken);
    }

    /// <summary>The stored photos: name, file id, size and when written.</summary>
    public IEnumerable<(string Name, string FileId, long Length, DateTime WrittenAt)> Stored() =>
        Directory.Exists(_folder)
            ? new DirectoryInfo(_folder).EnumerateFiles().Where(f => StoredName().IsMatch(f.Name)).Select(f => (f.Name, FileIdPrefix + f.Name, f.Length, f.LastWriteTimeUtc))
            : [];

    /// <summary>Deletes one stored photo (swept or erased) and gives its room back to the quota.</summary>
    public void Delete(string name)
    {
        var file = new FileInfo(Path.Combine(_folder, name));
        if (StoredName().IsMatch(name) && file.Exists)
        {
            var length = file.Length;
            file.Delete();
            _quota.Freed(length);
        }
    }

    /// <summary>Forgets who sent photos longer ago than <see cref="WebChatUploadLimits.KeepUnreferenced"/>: the sweep has them now.</summary>
    public void ForgetSenders()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var (chatId, mine) in _byVisitor.ToList())
            {
                if (mine.RemoveAll(u => now - u.At > _remember) > 0 && mine.Count == 0)
                {
                    _byVisitor.Remove(chatId);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial System.Text.RegularExpressions.Regex StoredName();
}
