using Antq.Core.Conversations;

namespace Antq.Core.Tips;

/// <summary>An officer moves a tip along its lifecycle; audited, and the tipster is told (except for spam).</summary>
public sealed record ChangeTipStatus(string Code, TipStatus To, string? Note = null) : DomainChange
{
    /// <summary>The channel's id of the officer's card the change was made from, updated in place; null sends a new card.</summary>
    public string? Card { get; init; }
}
