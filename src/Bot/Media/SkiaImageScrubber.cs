using Antq.Core.Channels;
using SkiaSharp;

namespace Antq.Bot.Media;

/// <summary>
/// Re-encodes photos with SkiaSharp (decode to pixels, encode again): the encoder writes none of the source's metadata,
/// so Exif (GPS, camera, owner), XMP, IPTC, PNG text chunks and WebP Exif are all left behind.
/// </summary>
public sealed class SkiaImageScrubber : IImageScrubber
{
    /// <summary>Decoding needs 4 bytes a pixel: a small file that unpacks to a huge picture is scaled down, or refused.</summary>
    public const long MaxPixels = 40_000_000;

    private const int Quality = 90;

    // Two decodes at a time at most: each may hold a large picture in memory.
    private static readonly SemaphoreSlim Decoding = new(2);

    public byte[]? Scrub(ReadOnlySpan<byte> image)
    {
        using var data = SKData.CreateCopy(image);
        using var codec = SKCodec.Create(data);
        if (codec is null || Format(codec.EncodedFormat) is not { } format)
        {
            return null;
        }

        Decoding.Wait();
        try
        {
            using var pixels = Decode(codec);
            if (pixels is null)
            {
                return null;
            }

            using var upright = Upright(pixels, codec.EncodedOrigin);
            using var encoded = upright.Encode(format, Quality);
            return encoded?.ToArray();
        }
        finally
        {
            Decoding.Release();
        }
    }

    private static SKEncodedImageFormat? Format(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Webp => format,
        _ => null,
    };

    private static SKBitmap? Decode(SKCodec codec)
    {
        var size = new SKSizeI(codec.Info.Width, codec.Info.Height);
        if ((long)size.Width * size.Height > MaxPixels)
        {
            // JPEG and WebP decode straight to a smaller size; a format that cannot is refused.
            size = codec.GetScaledDimensions((float)Math.Sqrt((double)MaxPixels / ((long)size.Width * size.Height)));
            if ((long)size.Width * size.Height > MaxPixels)
            {
                return null;
            }
        }

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>The picture as the Exif orientation says it is seen (the tag itself is not kept).</summary>
    private static SKBitmap Upright(SKBitmap raw, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return raw.Copy();
        }

        float w = raw.Width, h = raw.Height;
        var (matrix, width, height) = origin switch
        {
            SKEncodedOrigin.TopRight => (Matrix(-1, 0, w, 0, 1, 0), raw.Width, raw.Height),
            SKEncodedOrigin.BottomRight => (Matrix(-1, 0, w, 0, -1, h), raw.Width, raw.Height),
            SKEncodedOrigin.BottomLeft => (Matrix(1, 0, 0, 0, -1, h), raw.Width, raw.Height),
            SKEncodedOrigin.LeftTop => (Matrix(0, 1, 0, 1, 0, 0), raw.Height, raw.Width),
            SKEncodedOrigin.RightTop => (Matrix(0, -1, h, 1, 0, 0), raw.Height, raw.Width),
            SKEncodedOrigin.RightBottom => (Matrix(0, -1, h, -1, 0, w), raw.Height, raw.Width),
            SKEncodedOrigin.LeftBottom => (Matrix(0, 1, 0, -1, 0, w), raw.Height, raw.Width),
            _ => (SKMatrix.Identity, raw.Width, raw.Height),
        };
        var turned = new SKBitmap(raw.Info.WithSize(width, height));
        using var canvas = new SKCanvas(turned);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(raw, 0, 0);
        return turned;
    }

    // x' = scaleX·x + skewX·y + transX; y' = skewY·x + scaleY·y + transY.
    private static SKMatrix Matrix(float scaleX, float skewX, float transX, float skewY, float scaleY, float transY) =>
        new(scaleX, skewX, transX, skewY, scaleY, transY, 0, 0, 1);
}
