using Antq.Core.Residents;

namespace Antq.Core.Broadcasts;

/// <summary>
/// Whom a message goes to: followers of <paramref name="Topics"/> in the wards (none: the whole city), narrowed
/// to some units of one ward and to one language when given.
/// </summary>
public sealed record AudienceFilter(Topics Topics, IReadOnlyList<string> Wards, IReadOnlyList<string> Units, string? Language)
{
    public static AudienceFilter Of(Topics topics, IReadOnlyList<string> wards) => new(topics, wards, [], null);

    /// <summary>
    /// Every consenting resident, whatever they follow: an urgent alert (<see cref="BroadcastTopics.Followers"/> gives
    /// it every topic), which also reaches those who chose "urgent notices only" when they signed up, and follow none.
    /// </summary>
    public bool Everyone => Topics == Topics.All;
}
