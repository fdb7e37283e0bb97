using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Tips;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Delivery;

public sealed class MediaFilesTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    [Fact]
    public async Task A_photo_from_another_channel_is_fetched_once_and_named_by_its_bytes()
    {
        var webchat = new Files("webchat") { ["webchat:v1/a.png"] = Png };
        var media = new MediaFiles([webchat], Options(), new Clock());
        var photo = new MediaRef(AttachmentKind.Photo, "webchat:v1/a.png", Channel: "webchat");

        Assert.True(MediaFiles.NeedsBytes(photo, "telegram"));
        Assert.False(MediaFiles.NeedsBytes(photo, "webchat"));
        Assert.False(MediaFiles.NeedsBytes(new MediaRef(AttachmentKind.Photo, "https://example.org/a.jpg"), "telegram"));

        var first = await media.WithContentAsync(photo, CancellationToken.None);
        var second = await media.WithContentAsync(photo, CancellationToken.None);

        Assert.Equal(Png, first.Content);
        Assert.Equal("photo.png", first.FileName);
        Assert.Equal(Png, second.Content);
        Assert.Equal(1, webchat.Downloads);
    }

    [Fact]
    public async Task After_ten_minutes_the_file_is_fetched_again()
    {
        var clock = new Clock();
        var webchat = new Files("webchat") { ["f"] = Png };
        var media = new MediaFiles([webchat], Options(), clock);

        await media.BytesAsync("webchat", "f", CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(11);
        await media.BytesAsync("webchat", "f", CancellationToken.None);

        Assert.Equal(2, webchat.Downloads);
    }

    [Fact]
    public async Task A_file_that_is_gone_too_large_or_of_a_channel_that_is_off_is_unavailable_with_the_reason()
    {
        var webchat = new Files("webchat") { ["big"] = new byte[2048] };
        var media = new MediaFiles([webchat], Options(maxBytes: 1024), new Clock());

        var gone = await Assert.ThrowsAsync<MediaUnavailableException>(() => media.BytesAsync("webchat", "erased", CancellationToken.None));
        Assert.Contains("no longer kept", gone.Message, StringComparison.Ordinal);
        var large = await Assert.ThrowsAsync<MediaUnavailableException>(() => media.BytesAsync("webchat", "big", CancellationToken.None));
        Assert.Contains("1024 bytes", large.Message, StringComparison.Ordinal);
        var off = await Assert.ThrowsAsync<MediaUnavailableException>(() => media.BytesAsync("zalo", "x", CancellationToken.None));
        Assert.Contains("zalo channel is not configured", off.Message, StringComparison.Ordinal);
    }

    private static IOptions<TipOptions> Options(long maxBytes = 1024 * 1024) => Microsoft.Extensions.Options.Options.Create(new TipOptions { MaxAttachmentBytes = maxBytes });

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class Files(string channel) : Dictionary<string, byte[]>, IChannelFiles
    {
        public int Downloads { get; private set; }

        public string Channel => channel;

        public async Task DownloadAsync(string fileId, Stream destination, CancellationToken cancellationToken)
        {
            Downloads++;
            if (!TryGetValue(fileId, out var bytes))
            {
                throw new FileNotFoundException("gone", fileId);
            }

            await destination.WriteAsync(bytes, cancellationToken);
        }
    }
}
