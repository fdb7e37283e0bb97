using System.Collections.Concurrent;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Tips;
using Microsoft.Extensions.Options;

namespace Antq.Core.Delivery;

/// <summary>
/// The bytes behind a photo or file another channel holds: a photo a web chat visitor or a Zalo resident sent goes to
/// a Telegram officer as an upload (a web chat or Zalo file id means nothing to Telegram), and an officer's photo
/// shows in the web chat. Fetched through the owning channel (<see cref="IChannelFiles"/>), at most
/// <see cref="TipOptions.MaxAttachmentBytes"/>, and kept a few minutes so one photo sent to many chats is fetched once.
/// A photo is re-encoded on its way through (<see cref="IImageScrubber"/>), so no Exif, GPS or owner tag passes on.
/// </summary>
public sealed class MediaFiles(IEnumerable<IChannelFiles> channels, IImageScrubber scrubber, IOptions<TipOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private const long MaxCachedBytes = 64L * 1024 * 1024;

    private readonly Dictionary<string, IChannelFiles> _channels = channels.ToDictionary(c => c.Channel);
    private readonly ConcurrentDictionary<(string Channel, string FileId), Entry> _cache = new();

    /// <summary>
    /// True when <paramref name="channel"/> must send <paramref name="media"/> as bytes rather than by its reference: a
    /// file of another channel, or a resident's file that is not a photo. A photo goes by reference only on its own
    /// channel, which re-encoded it itself (Telegram's photos); a document, video or voice note keeps its name and
    /// metadata there, so it is fetched, cleaned and uploaded under the name the message gives.
    /// </summary>
    public static bool NeedsBytes(MediaRef media, string channel) =>
        media is { Content: null, Channel: { } owner } && (owner != channel || media.Kind != AttachmentKind.Photo);

    /// <summary>True when files of <paramref name="channel"/> can be fetched (the channel is configured).</summary>
    public bool Knows(string channel) => _channels.ContainsKey(channel);

    /// <summary>The media with its bytes in <see cref="MediaRef.Content"/> (unchanged if it already has them).</summary>
    /// <exception cref="MediaUnavailableException">The owning channel is off, or the file is gone or too large.</exception>
    public async Task<MediaRef> WithContentAsync(MediaRef media, CancellationToken cancellationToken)
    {
        if (media.Content is not null)
        {
            return media;
        }

        var bytes = await BytesAsync(media.Channel ?? throw new MediaUnavailableException("the media names no channel"), media.Source, cancellationToken);
        return media with { Content = bytes, FileName = media.FileName ?? FileName(media.Kind, bytes) };
    }

    /// <summary>The file's bytes from the channel that holds it; a photo re-encoded with nothing but its pixels.</summary>
    /// <exception cref="MediaUnavailableException">The channel is off, the file is gone or too large, or it claims to be a photo and cannot be read.</exception>
    public async Task<byte[]> BytesAsync(string channel, string fileId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = (channel, fileId);
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Bytes;
        }

        if (!_channels.TryGetValue(channel, out var files))
        {
            throw new MediaUnavailableException($"the {channel} channel is not configured");
        }

        var limit = options.Value.MaxAttachmentBytes;
        using var buffer = new MemoryStream();
        try
        {
            await using (var limited = new LimitedStream(buffer, limit))
            {
                await files.DownloadAsync(fileId, limited, cancellationToken);
            }
        }
        catch (LimitedStream.TooLargeException)
        {
            throw new MediaUnavailableException($"the file is larger than {limit} bytes");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MediaUnavailableException("the file is no longer kept");
        }

        var bytes = buffer.ToArray();
        if (!files.KeepsCleanFiles && ImageFormat.Sniff(bytes) is not null)
        {
            // Never passed on as it came: an image that cannot be re-encoded is not sent at all.
            bytes = scrubber.Scrub(bytes) ?? throw new MediaUnavailableException("the photo cannot be read");
        }

        Remember(key, bytes, now);
        return bytes;
    }

    private void Remember((string, string) key, byte[] bytes, DateTimeOffset now)
    {
        if (bytes.Length > MaxCachedBytes / 4)
        {
            return;
        }

        _cache[key] = new Entry(bytes, now + Keep);
        foreach (var stale in _cache.Where(e => e.Value.Until <= now).Select(e => e.Key).ToList())
        {
            _cache.TryRemove(stale, out _);
        }

        // Over the budget: the entries closest to expiring go first.
        var total = _cache.Values.Sum(e => (long)e.Bytes.Length);
        foreach (var (oldest, entry) in _cache.OrderBy(e => e.Value.Until).ToList())
        {
            if (total <= MaxCachedBytes)
            {
                break;
            }

            if (_cache.TryRemove(oldest, out _))
            {
                total -= entry.Bytes.Length;
            }
        }
    }

    /// <summary>A name for the upload, with the extension the bytes say (a channel may judge a photo by it).</summary>
    private static string FileName(AttachmentKind kind, byte[] bytes) => (ImageFormat.Sniff(bytes), kind) switch
    {
        ({ } image, _) => "photo." + image.Extension,
        (_, AttachmentKind.Video or AttachmentKind.VideoNote or AttachmentKind.Animation) => "video.mp4",
        (_, AttachmentKind.Voice) => "voice.ogg",
        _ => "file",
    };

    private sealed record Entry(byte[] Bytes, DateTimeOffset Until);
}

/// <summary>The media cannot be had from the channel that holds it; sending it again will not help.</summary>
public sealed class MediaUnavailableException(string reason) : Exception(reason);
