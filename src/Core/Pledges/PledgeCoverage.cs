using Antq.Core.Areas;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Pledges;

/// <summary>Counts a campaign year's pledges (withdrawn ones left out) for every unit of a ward or of the city.</summary>
public static class PledgeCoverage
{
    public static async Task<CoverageReport> BuildAsync(AntqDb db, AreaTree areas, PledgeCatalog catalog, int year, Ward? onlyWard, CancellationToken cancellationToken)
    {
        var query = db.Pledges.AsNoTracking().Where(p => p.CampaignYear == year && p.WithdrawnAt == null);
        if (onlyWard is not null)
        {
            query = query.Where(p => p.WardId == onlyWard.Id);
        }

        var rows = await query.Select(p => new { p.UnitId, p.SignerKind, p.SignerKey, p.TypeId }).ToListAsync(cancellationToken);
        var byUnit = rows.ToLookup(r => r.UnitId, StringComparer.OrdinalIgnoreCase);
        var wards = (onlyWard is null ? areas.Wards : [onlyWard]).Select(ward => new WardCoverage(ward, [.. ward.Units.Select(unit =>
        {
            var pledges = byUnit[unit.Id].ToList();
            var signers = pledges.GroupBy(p => p.SignerKind).ToDictionary(g => g.Key, g => g.Select(p => p.SignerKey).Distinct().Count());
            var byType = pledges.GroupBy(p => p.TypeId).ToDictionary(g => g.Key, g => g.Count());
            return new UnitCoverage(unit, new CoverageCount(signers, byType));
        })])).ToList();
        return new CoverageReport(year, catalog.Types, wards);
    }
}
