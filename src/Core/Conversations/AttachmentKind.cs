namespace Antq.Core.Conversations;

public enum AttachmentKind
{
    Photo,
    Video,
    Voice,
    Audio,
    Document,
    VideoNote,
    Animation,
}
