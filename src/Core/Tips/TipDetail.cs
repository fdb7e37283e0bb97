namespace Antq.Core.Tips;

/// <summary>
/// What a tip's page in the console shows: the tip with its attachments, its whole history (thread, status changes,
/// assignments, internal notes) oldest first, and the officers' names. For an anonymous tip <see cref="Tip"/> holds
/// no reporter name, whatever is stored.
/// </summary>
public sealed record TipDetail(Tip Tip, IReadOnlyList<TipDetailEvent> Events, string? AssignedOfficerName);

/// <summary>One line of a tip's history with the names of the officer who acted and, for an assignment, of the assignee.</summary>
public sealed record TipDetailEvent(TipEvent Event, string? OfficerName, string? AssigneeName);
