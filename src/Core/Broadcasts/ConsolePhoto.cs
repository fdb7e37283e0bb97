namespace Antq.Core.Broadcasts;

/// <summary>
/// A photo an officer attached to a broadcast in the web console, already re-encoded (no Exif, GPS or owner tag). Kept
/// in the database rather than a folder, so every instance of a shared deployment can hand it to its channels.
/// </summary>
public sealed class ConsolePhoto
{
    /// <summary>128 random bits in lower-case hex: the file id a broadcast names, guessing it is hopeless.</summary>
    public required string Id { get; set; }

    /// <summary>Who uploaded it: only they may preview it or send it.</summary>
    public long OfficerId { get; set; }

    public DateTime CreatedAt { get; set; }

    public required byte[] Bytes { get; set; }
}
