namespace Antq.Core.Conversations;

/// <summary>A file the resident sent, referenced by the channel's file id (downloaded later, when a flow needs it).</summary>
public sealed record Attachment(AttachmentKind Kind, string FileId, long? FileSize = null, string? MimeType = null, string? FileName = null);
