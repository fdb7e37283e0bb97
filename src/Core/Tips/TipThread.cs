using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>An officer's reply goes to the tipster through the bot; it lands in the tip's thread.</summary>
public sealed record OfficerReply(string Code, string? Text, string? PhotoFileId) : DomainChange;

/// <summary>The tipster answers an officer; only the one who sent the tip can, and the officers of its ward see it.</summary>
public sealed record TipsterAnswer(string Code, string? Text, string? PhotoFileId, string Language) : DomainChange;
