using Antq.Core.Conversations;

namespace Antq.Core.Officers;

/// <summary>An admin creates a one-time code for an officer of a ward (or another admin); it expires.</summary>
public sealed record CreateInvitation(OfficerRole Role, string? WardId, TimeSpan ValidFor) : DomainChange;

/// <summary>/join CODE NAME: whoever holds a valid code becomes an officer, once.</summary>
public sealed record RedeemInvitation(string Code, string DisplayName, string Language) : DomainChange;
