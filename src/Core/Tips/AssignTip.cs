using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>
/// An officer gives a tip to an officer who covers its ward (themselves, to take it), who is told in their chat.
/// <paramref name="OfficerId"/> acts and must cover the tip's ward too.
/// </summary>
public sealed record AssignTip(long TipId, long OfficerId, long AssigneeOfficerId) : DomainChange;
