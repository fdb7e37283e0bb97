using Antq.Core.Areas;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Counts a campaign year's pledges (withdrawn ones left out) for every unit of a ward or of the city.</summary>
public static class PledgeCoverage
{
    /// <remarks>Read from the report's tallies (kept with every pledge signed, imported, corrected or withdrawn): a
    /// province's year is a few thousand rows instead of its two hundred thousand pledges.</remarks>
    public static async Task<CoverageReport> BuildAsync(AntqDb db, AreaTree areas, PledgeCatalog catalog, int year, Ward? onlyWard, CancellationToken cancellationToken)
    {
        var pledges = db.PledgeTallies.AsNoTracking().Where(t => t.CampaignYear == year && t.Pledges > 0);
        var signers = db.SignerTallies.AsNoTracking().Where(t => t.CampaignYear == year && t.Signers > 0);
        if (onlyWard is not null)
        {
            pledges = pledges.Where(t => t.WardId == onlyWard.Id);
            signers = signers.Where(t => t.WardId == onlyWard.Id);
        }

        var byType = (await pledges.GroupBy(t => new { t.UnitId, t.TypeId }).Select(g => new { g.Key.UnitId, g.Key.TypeId, Count = g.Sum(t => t.Pledges) }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitId, StringComparer.OrdinalIgnoreCase);
        var byKind = (await signers.Select(t => new { t.UnitId, t.SignerKind, t.Signers }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UnitId, StringComparer.OrdinalIgnoreCase);
        var wards = (onlyWard is null ? areas.Wards : [onlyWard]).Select(ward => new WardCoverage(ward, [.. ward.Units.Select(unit => new UnitCoverage(unit, new CoverageCount(
            byKind[unit.Id].GroupBy(r => r.SignerKind).ToDictionary(g => g.Key, g => g.Sum(r => r.Signers)),
            byType[unit.Id].ToDictionary(r => r.TypeId, r => r.Count))))])).ToList();
        return new CoverageReport(year, catalog.Types, wards);
    }
}
