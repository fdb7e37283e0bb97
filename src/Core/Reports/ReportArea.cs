using Antq.Core.Areas;
using Antq.Core.Locale;

namespace Antq.Core.Reports;

/// <summary>What a report covers: the whole city, one ward or commune, or one unit of it.</summary>
public sealed record ReportArea(Ward? Ward, Unit? Unit)
{
    public static ReportArea City { get; } = new(null, null);

    public string? WardId => Ward?.Id;

    public string? UnitId => Unit?.Id;

    /// <summary>The wards the report looks at: all of them for the city.</summary>
    public IReadOnlyList<Ward> Wards(AreaTree areas) => Ward is null ? areas.Wards : [Ward];

    /// <summary>Its units, for "units covered out of all units".</summary>
    public int UnitCount(AreaTree areas) => Unit is not null ? 1 : Wards(areas).Sum(w => w.Units.Count);

    /// <summary>A ward or commune by name (with or without diacritics) or id; a unit by id, or by name when only one unit has it.</summary>
    public static ReportArea? Find(AreaTree areas, string idOrName)
    {
        if (areas.FindWard(idOrName) is { } ward)
        {
            return new ReportArea(ward, null);
        }

        if (areas.FindUnit(idOrName.Trim()) is { } unit)
        {
            return new ReportArea(areas.FindWard(unit.WardId), unit);
        }

        var folded = VietnameseText.Fold(idOrName);
        var named = areas.Wards.SelectMany(w => w.Units).Where(u => VietnameseText.Fold(u.Name) == folded).ToList();
        return named.Count == 1 ? new ReportArea(areas.FindWard(named[0].WardId), named[0]) : null;
    }
}
