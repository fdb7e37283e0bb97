using Antq.Core.Tips;

namespace Antq.Core.InfoDesk;

/// <summary>
/// One question as the console lists it: the question itself and the latest answer, nothing of who asked (their
/// name, if they gave one, is on the thread's page, as for a tip).
/// </summary>
/// <param name="FirstResponseAt">When an officer first answered (or closed it); null while it waits.</param>
public sealed record QuestionRow(long Id, string Code, TipStatus Status, string WardId, string? UnitId, DateTime CreatedAt, DateTime? FirstResponseAt, string Question, string? Answer)
{
    public bool Waiting => Status != TipStatus.Closed && FirstResponseAt is null;
}
