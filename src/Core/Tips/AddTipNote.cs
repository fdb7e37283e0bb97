using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>
/// An officer writes an internal note on a tip (the console's private notes): kept in the tip's history for the
/// officers who cover its ward, never sent to the tipster. <paramref name="OfficerId"/> is the officer who writes it,
/// checked again against the tip's ward in the handler.
/// </summary>
public sealed record AddTipNote(long TipId, long OfficerId, string Text) : DomainChange
{
    /// <summary>The most a note holds (the history's text column).</summary>
    public const int MaxLength = 2000;
}
