using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>A photo, video, voice note or document of a tip; sent to officers as a copy by file id, never forwarded.</summary>
public sealed class TipAttachment
{
    public long Id { get; set; }

    public long TipId { get; set; }

    public AttachmentKind Kind { get; set; }

    public required string FileId { get; set; }

    public long? FileSize { get; set; }

    public string? MimeType { get; set; }

    /// <summary>The channel the file id belongs to (a channel name, nothing about the sender).</summary>
    public string Channel { get; set; } = "";

    /// <summary>Where the archived copy is, relative to the attachments folder; null until downloaded.</summary>
    public string? StoredPath { get; set; }

    public int DownloadAttempts { get; set; }

    public DateTime? NextDownloadAt { get; set; }

    /// <summary>Why archiving gave up (too large, wrong type, kept failing); officers were told.</summary>
    public string? DownloadError { get; set; }
}
