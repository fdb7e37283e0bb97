using Antq.Core.Channels;
using Antq.Core.Conversations;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A photo an officer uploads in the console (a tip's reply, a broadcast): at most <see cref="MaxBytes"/>, a JPEG, PNG
/// or WebP by its bytes (not its name or declared type), re-encoded so no Exif, GPS or owner tag is kept or sent.
/// </summary>
public static class ConsolePhotoUpload
{
    /// <summary>Kept well under the 10 MB Telegram takes.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static int MaxMegabytes => MaxBytes / 1024 / 1024;

    /// <summary>The clean bytes, or why not.</summary>
    public static async Task<(byte[]? Clean, UploadProblem? Problem)> ReadAsync(IFormFile photo, IImageScrubber scrubber, CancellationToken cancellationToken)
    {
        if (photo.Length > MaxBytes)
        {
            return (null, UploadProblem.TooLarge);
        }

        using var buffer = new MemoryStream((int)photo.Length);
        await photo.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (ImageFormat.Sniff(bytes) is null || scrubber.Scrub(bytes) is not { } clean)
        {
            return (null, UploadProblem.NotImage);
        }

        // Re-encoding a small, tightly packed PNG can make it larger: what is kept and sent is held to the same limit.
        return clean.Length > MaxBytes ? (null, UploadProblem.TooLarge) : (clean, null);
    }

    public enum UploadProblem
    {
        TooLarge,
        NotImage,
    }
}
