namespace Antq.Core.Conversations;

/// <summary>
/// Media to send: a channel file id or an https URL in <see cref="Source"/>, or a small file made by the service
/// itself (a CSV, a chart) in <see cref="Content"/>, uploaded under <see cref="FileName"/>.
/// </summary>
/// <param name="Channel">
/// The channel whose file id <see cref="Source"/> is (a photo a resident or an officer sent). Another channel cannot
/// use that id: it gets the file's bytes instead (<see cref="Delivery.MediaFiles"/>). Null for a URL or for content.
/// </param>
public sealed record MediaRef(AttachmentKind Kind, string Source, string? FileName = null, byte[]? Content = null, string? Channel = null);
