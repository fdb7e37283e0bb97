namespace Antq.Core.Conversations;

/// <summary>
/// Media to send: a channel file id or an https URL in <see cref="Source"/>, or a small file made by the service
/// itself (a CSV, a chart) in <see cref="Content"/>, uploaded under <see cref="FileName"/>.
/// </summary>
public sealed record MediaRef(AttachmentKind Kind, string Source, string? FileName = null, byte[]? Content = null);
