using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Bytes stored by each visitor and by everyone in the last hour, and the size of the uploads folder, against
/// <see cref="WebChatUploadLimits"/>. Kept in memory: the folder's size is read from disk at start.
/// </summary>
public sealed class WebChatUploadQuota
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private readonly WebChatUploadLimits _limits;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<(DateTimeOffset At, long Bytes)>> _visitors = new(StringComparer.Ordinal);
    private readonly Queue<(DateTimeOffset At, long Bytes)> _everyone = new();
    private long _everyoneBytes;
    private long _folderBytes;
    private DateTimeOffset _prunedAt;

    public WebChatUploadQuota(IOptions<WebChatOptions> options, TimeProvider time, long folderBytes)
    {
        _limits = options.Value.Uploads;
        _time = time;
        _folderBytes = folderBytes;
    }

    public long FolderBytes
    {
        get
        {
            lock (_lock)
            {
                return _folderBytes;
            }
        }
    }

    /// <summary>Why <paramref name="bytes"/> more may not be stored for the visitor now (and when to try again); null when they may.</summary>
    public (UploadRefusal Why, TimeSpan RetryAfter)? Check(string chatId, long bytes)
    {
        lock (_lock)
        {
            return Refusal(chatId, bytes, _time.GetUtcNow());
        }
    }

    /// <summary>Counts <paramref name="bytes"/> stored for the visitor, if the limits allow it; otherwise says why not.</summary>
    public (UploadRefusal Why, TimeSpan RetryAfter)? TryTake(string chatId, long bytes)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (Refusal(chatId, bytes, now) is { } refused)
            {
                return refused;
            }

            if (!_visitors.TryGetValue(chatId, out var visitor))
            {
                _visitors[chatId] = visitor = new Queue<(DateTimeOffset, long)>();
            }

            visitor.Enqueue((now, bytes));
            _everyone.Enqueue((now, bytes));
            _everyoneBytes += bytes;
            _folderBytes += bytes;
            return null;
        }
    }

    /// <summary>Files were deleted (swept, erased, or a save that failed): the folder has room again.</summary>
    public void Freed(long bytes)
    {
        lock (_lock)
        {
            _folderBytes = Math.Max(0, _folderBytes - bytes);
        }
    }

    private (UploadRefusal, TimeSpan)? Refusal(string chatId, long bytes, DateTimeOffset now)
    {
        Forget(chatId, now);
        if (_folderBytes + bytes > _limits.MaxFolderBytes)
        {
            // Room comes back when unused uploads are swept.
            return (UploadRefusal.Folder, _limits.SweepInterval);
        }

        if (_everyoneBytes + bytes > _limits.BytesPerHour)
        {
            return (UploadRefusal.Hour, Until(_everyone, _everyoneBytes + bytes - _limits.BytesPerHour, now));
        }

        if (_visitors.TryGetValue(chatId, out var visitor))
        {
            var used = visitor.Sum(u => u.Bytes);
            if (used + bytes > _limits.PerVisitorBytesPerHour)
            {
                return (UploadRefusal.Visitor, Until(visitor, used + bytes - _limits.PerVisitorBytesPerHour, now));
            }
        }

        return null;
    }

    /// <summary>How long until enough of <paramref name="uploads"/> leaves the hour to free <paramref name="excess"/> bytes.</summary>
    private static TimeSpan Until(Queue<(DateTimeOffset At, long Bytes)> uploads, long excess, DateTimeOffset now)
    {
        long freed = 0;
        foreach (var (at, bytes) in uploads)
        {
            freed += bytes;
            if (freed >= excess)
            {
                return at + Window - now;
            }
        }

        return Window;
    }

    /// <summary>Uploads older than the hour stop counting: everyone's, this visitor's, and once a minute every visitor's.</summary>
    private void Forget(string chatId, DateTimeOffset now)
    {
        while (_everyone.TryPeek(out var oldest) && oldest.At <= now - Window)
        {
            _everyone.Dequeue();
            _everyoneBytes -= oldest.Bytes;
        }

        var all = now - _prunedAt > TimeSpan.FromMinutes(1);
        _prunedAt = all ? now : _prunedAt;
        foreach (var visitorId in all ? _visitors.Keys.ToList() : [chatId])
        {
            if (!_visitors.TryGetValue(visitorId, out var visitor))
            {
                continue;
            }

            while (visitor.TryPeek(out var first) && first.At <= now - Window)
            {
                visitor.Dequeue();
            }

            if (visitor.Count == 0)
            {
                _visitors.Remove(visitorId);
            }
        }
    }
}
