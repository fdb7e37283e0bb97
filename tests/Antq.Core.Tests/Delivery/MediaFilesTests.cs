using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Tips;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Delivery;

public sealed class MediaFilesTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Scrubbed = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 9, 9];

    [Fact]
    public async Task A_photo_from_another_channel_is_fetched_and_re_encoded_once_and_named_by_its_bytes()
    {
        var webchat = new Files("webchat") { ["webchat:a.png"] = Png };
        var scrubber = new Scrubber();
        var media = new MediaFiles([webchat], scrubber, Options(), new Clock());
        var photo = new MediaRef(AttachmentKind.Photo, "webchat:a.png", Channel: "webchat");

        Assert.True(MediaFiles.NeedsBytes(photo, "telegram"));
        Assert.False(MediaFiles.NeedsBytes(photo, "webchat"));
        Assert.False(MediaFiles.NeedsBytes(new MediaRef(AttachmentKind.Photo, "https://example.org/a.jpg"), "telegram"));

        var first = await media.WithContentAsync(photo, CancellationToken.None);
        var second = await media.WithContentAsync(photo, CancellationToken.None);

        Assert.Equal(Scrubbed, first.Content);
        Assert.Equal("photo.png", first.FileName);
        Assert.Equal(Scrubbed, second.Content);
        Assert.Equal((1, 1), (webchat.Downloads, scrubber.Calls));
    }

    [Fact]
    public void A_residents_document_goes_as_bytes_even_on_its_own_channel_so_its_name_is_not_passed_on()
    {
        Assert.True(MediaFiles.NeedsBytes(new MediaRef(AttachmentKind.Document, "BQACAgIAAxkBAAI", "tep-dinh-kem-1.pdf", Channel: "telegram"), "telegram"));
        Assert.False(MediaFiles.NeedsBytes(new MediaRef(AttachmentKind.Photo, "AgACAgUAAxkBAAI", Channel: "telegram"), "telegram"));
    }

    [Fact]
    public async Task A_photo_that_cannot_be_re_encoded_is_not_passed_on_and_other_files_are_not_touched()
    {
        var telegram = new Files("telegram") { ["broken"] = Png, ["doc"] = "%PDF-1.7"u8.ToArray() };
        var media = new MediaFiles([telegram], new Scrubber { Refuses = true }, Options(), new Clock());

        var broken = await Assert.ThrowsAsync<MediaUnavailableException>(() => media.BytesAsync("telegram", "broken", CancellationToken.None));
        Assert.Contains("cannot be read", broken.Message, StringComparison.Ordinal);
        Assert.Equal("%PDF-1.7"u8.ToArray(), await media.BytesAsync("telegram", "doc", CancellationToken.None));
    }

    [Fact]
    public async Task After_ten_minutes_the_file_is_fetched_again()
    {
        var clock = new Clock();
        var webchat = new Files("webchat") { ["f"] = Png };
        var media = new MediaFiles([webchat], new Scrubber(), Options(), clock);

        await media.BytesAsync("webchat", "f", CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(11);
        await media.BytesAsync("webchat", "f", CancellationToken.None);

        Assert.Equal(2, webchat.Downloads);
    }

    [Fact]
    public async Task A_file_that_is_gone_too_large_or_of_a_channel_that_is_off_is_unavailable_with_the_reason()
    {
        var webchat = new Files("webchat") { ["big"] = new byte[2048] };
        var media = new MediaFiles([webchat], new Scrubber(), Options(maxBytes: 1024), new Clock());

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

    private sealed class Scrubber : IImageScrubber
    {
        public int Calls { get; private set; }

        public bool Refuses { get; init; }

        public byte[]? Scrub(ReadOnlySpan<byte> image)
        {
            Calls++;
            return Refuses ? null : Scrubbed;
        }
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
