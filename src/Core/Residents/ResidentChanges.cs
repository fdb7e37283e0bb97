using Antq.Core.Conversations;

namespace Antq.Core.Residents;

/// <summary>The resident consents (or already had) and keeps these choices.</summary>
public sealed record SaveResidentProfile(string Language, string? WardId, string? UnitId, Topics Topics) : DomainChange;

/// <summary>The resident said no to the privacy notice: the refusal (and the language to speak) is all that is kept.</summary>
public sealed record RecordConsentRefusal(string Language) : DomainChange;

/// <summary>Only the language changes (settings), for a resident who exists.</summary>
public sealed record ChangeResidentLanguage(string Language) : DomainChange;

/// <summary>The resident blocked or unblocked the bot (or left the channel).</summary>
public sealed record ChangeResidentStatus(ResidentStatus Status) : DomainChange;

/// <summary>
/// The resident's right to erasure: the resident row, the conversation, what the bot said to them, the record of what
/// they sent and their event answers go. The erasing update keeps its row for handling it once (channel and update id),
/// without the chat. The answer confirming it is queued after this change and removed once delivered
/// (<see cref="OutgoingMessage.ForgetsChat"/>), so then nothing names the chat.
/// </summary>
public sealed record EraseResident : DomainChange;
