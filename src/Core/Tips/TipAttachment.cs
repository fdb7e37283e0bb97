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
}
