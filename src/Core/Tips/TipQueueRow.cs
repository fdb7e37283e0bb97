namespace Antq.Core.Tips;

/// <summary>
/// One tip as the console's queue lists it. Nothing in it says who sent the tip: not even a name the tipster chose to
/// give (that is on the tip's own page, for a tip that is not anonymous).
/// </summary>
/// <param name="Attachments">How many files came with the tip.</param>
/// <param name="Excerpt">The start of the description, on one line.</param>
public sealed record TipQueueRow(
    long Id,
    string Code,
    TipStatus Status,
    string CategoryId,
    string WardId,
    string? UnitId,
    DateTime CreatedAt,
    DateTime? FirstResponseAt,
    int Attachments,
    long? AssignedOfficerId,
    string? AssignedOfficerName,
    string Excerpt);
