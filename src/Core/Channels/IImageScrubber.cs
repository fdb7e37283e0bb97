namespace Antq.Core.Channels;

/// <summary>
/// Takes an image apart and puts only its pixels back together, so what a resident sends carries no hidden identity:
/// no Exif (GPS, camera, owner), XMP, IPTC, PNG text chunks or WebP metadata. The picture is turned upright first, as
/// its Exif orientation said, since that tag goes with the rest. Implemented outside Core, with an imaging library.
/// </summary>
public interface IImageScrubber
{
    /// <summary>
    /// The same picture re-encoded in the same format (JPEG, PNG or WebP) with nothing but its pixels; null when the
    /// bytes are not an image that can be read (then they must not be passed on as they are).
    /// </summary>
    byte[]? Scrub(ReadOnlySpan<byte> image);
}
