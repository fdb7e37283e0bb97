using Antq.Bot.Media;
using Antq.Testing;
using SkiaSharp;

namespace Antq.Bot.Tests.Media;

public sealed class SkiaImageScrubberTests
{
    private readonly SkiaImageScrubber _scrubber = new();

    [Fact]
    public void A_phones_JPEG_loses_its_Exif_GPS_owner_XMP_and_IPTC_and_stays_upright()
    {
        var original = TestImages.JpegWithMetadata(orientation: 6);
        Assert.Equal(["Exif", "XMP", "IPTC", "owner", "camera", "maker", "GPS"], TestImages.MetadataIn(original));

        var clean = _scrubber.Scrub(original)!;

        Assert.Empty(TestImages.MetadataIn(clean));
        Assert.Equal([0xFF, 0xD8, 0xFF], clean[..3]);

        // Orientation 6 says "turn 90° clockwise to view": the 40×20 picture (red left, blue right) stands 20×40, red on top.
        Assert.Equal("20×40, red top, blue bottom", TestImages.Describe(clean));
    }

    [Fact]
    public void A_PNG_loses_its_text_and_Exif_chunks_and_keeps_its_pixels()
    {
        var original = TestImages.PngWithText();
        Assert.Contains("PNG tEXt", TestImages.MetadataIn(original));

        var clean = _scrubber.Scrub(original)!;

        Assert.Empty(TestImages.MetadataIn(clean));
        Assert.Equal(0x89, clean[0]);
        Assert.Equal("40×20, red left, blue right", TestImages.Describe(clean));
    }

    [Fact]
    public void A_WebP_stays_a_WebP()
    {
        using var bitmap = new SKBitmap(16, 16);
        using var webp = bitmap.Encode(SKEncodedImageFormat.Webp, 90);

        var clean = _scrubber.Scrub(webp.ToArray())!;

        Assert.Equal("RIFF"u8.ToArray(), clean[..4]);
        Assert.Equal("WEBP"u8.ToArray(), clean[8..12]);
    }

    [Fact]
    public void Bytes_that_only_start_like_a_JPEG_are_refused_rather_than_passed_on()
    {
        Assert.Null(_scrubber.Scrub([0xFF, 0xD8, 0xFF, 0xE1, .. "Exif\0\0"u8, .. new byte[64]]));
        Assert.Null(_scrubber.Scrub("%PDF-1.7"u8));
    }
}
