using Antq.Core.Areas;

namespace Antq.Core.Pledges;

/// <summary>Pledges of one campaign year counted by ward and unit: signers by kind, pledges by type, units reached.</summary>
public sealed record CoverageReport(int Year, IReadOnlyList<PledgeType> Types, IReadOnlyList<WardCoverage> Wards)
{
    public CoverageCount Total => CoverageCount.Sum(Wards.Select(w => w.Total));

    public int UnitsCovered => Wards.Sum(w => w.UnitsCovered);

    public int UnitCount => Wards.Sum(w => w.Units.Count);
}
