namespace Antq.Core.Conversations;

/// <summary>Media to send: a channel file id or an https URL.</summary>
public sealed record MediaRef(AttachmentKind Kind, string Source);
