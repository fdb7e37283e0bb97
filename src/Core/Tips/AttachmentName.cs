using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>
/// The neutral name a tip's file goes to officers under ("tep-dinh-kem-1.pdf"): a resident's own file name may hold
/// their name or phone number, so it is never passed on; only the type survives, as the extension.
/// </summary>
public static class AttachmentName
{
    public static string For(int number, AttachmentKind kind, string? mimeType) =>
        "tep-dinh-kem-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension(kind, mimeType);

    /// <summary>".pdf", ".jpg"… from the type the channel gave, else from the kind; empty when neither tells.</summary>
    public static string Extension(AttachmentKind kind, string? mimeType) => (mimeType?.ToLowerInvariant(), kind) switch
    {
        ("image/jpeg", _) => ".jpg",
        ("image/png", _) => ".png",
        ("image/webp", _) => ".webp",
        ("image/gif", _) => ".gif",
        ("application/pdf", _) => ".pdf",
        ("application/msword", _) => ".doc",
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _) => ".docx",
        ("application/vnd.ms-excel", _) => ".xls",
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _) => ".xlsx",
        ("text/plain", _) => ".txt",
        ("video/mp4", _) => ".mp4",
        ("audio/ogg", _) => ".ogg",
        ("audio/mpeg", _) => ".mp3",
        (_, AttachmentKind.Photo) => ".jpg",
        (_, AttachmentKind.Video or AttachmentKind.VideoNote or AttachmentKind.Animation) => ".mp4",
        (_, AttachmentKind.Voice) => ".ogg",
        (_, AttachmentKind.Audio) => ".mp3",
        _ => "",
    };
}
