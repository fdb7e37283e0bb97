using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>
/// An officer's reply goes to the tipster through the bot; it lands in the tip's thread. The photo is a file id of the
/// officer's channel (from the chat) or, from the console, <paramref name="Photo"/>: bytes already stripped of metadata.
/// </summary>
public sealed record OfficerReply(string Code, string? Text, string? PhotoFileId, byte[]? Photo = null) : DomainChange
{
    /// <summary>What the thread keeps for a photo sent from the console: that there was one (its bytes went out with the message).</summary>
    public const string UploadedPhoto = "console-upload";
}

/// <summary>The tipster answers an officer; only the one who sent the tip can, and the officers of its ward see it.</summary>
public sealed record TipsterAnswer(string Code, string? Text, string? PhotoFileId, string Language) : DomainChange;
