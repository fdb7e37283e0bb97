using Antq.Core.Areas;

namespace Antq.Core.Pledges;

/// <summary>One ward's units and their counts.</summary>
public sealed record WardCoverage(Ward Ward, IReadOnlyList<UnitCoverage> Units)
{
    public CoverageCount Total => CoverageCount.Sum(Units.Select(u => u.Count));

    /// <summary>Units with at least one pledge: the report's "87/87 khối, thôn".</summary>
    public int UnitsCovered => Units.Count(u => u.Count.Pledges > 0);
}
