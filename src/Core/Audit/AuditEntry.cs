using Antq.Core.Tips;

namespace Antq.Core.Audit;

/// <summary>
/// One entry of the audit log: who (an officer, or null for the tipster or the service) did what, when, to which tip
/// (<see cref="TipId"/> and its <see cref="Code"/>) or broadcast (<see cref="BroadcastId"/>). It holds nothing of a
/// tipster but what they wrote in the tip's thread.
/// </summary>
/// <param name="Detail">The status a tip moved to, a note or reply's text, or the start of a broadcast's text.</param>
public sealed record AuditEntry(
    DateTime At,
    AuditAction Action,
    long? TipId,
    string? Code,
    long? BroadcastId,
    long? OfficerId,
    string? OfficerName,
    long? AssigneeOfficerId,
    string? AssigneeName,
    TipStatus? ToStatus,
    string? Detail);
