using Antq.Core.Areas;
using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>The coverage report in words: totals, then each unit of one ward, or each ward of the city.</summary>
public static class CoverageText
{
    public static string Render(CoverageReport report, TextCatalog texts, string language, string cityName)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var single = report.Wards.Count == 1 ? report.Wards[0] : null;
        var total = report.Total;
        var lines = new List<string>
        {
            T("coverage.title", report.Year, single is null ? cityName : WardLabel(texts, language, single.Ward)),
            T("coverage.units", report.UnitsCovered, report.UnitCount),
            T("coverage.signers", total.SignersOf(SignerKind.Household), total.SignersOf(SignerKind.Business), total.SignersOf(SignerKind.School), total.SignersOf(SignerKind.Individual)),
            T("coverage.by_type"),
        };
        lines.AddRange(report.Types.Select(t => T("coverage.type_line", t.Name(language), total.OfType(t.Id))));
        lines.Add("");
        if (single is null)
        {
            lines.Add(T("coverage.by_ward"));
            lines.AddRange(report.Wards.Select(w => T(
                "coverage.ward_line", WardLabel(texts, language, w.Ward), w.UnitsCovered, w.Units.Count, w.Total.SignersOf(SignerKind.Household),
                w.Total.SignersOf(SignerKind.Business), w.Total.SignersOf(SignerKind.School), w.Total.SignersOf(SignerKind.Individual), w.Total.Pledges)));
        }
        else
        {
            lines.Add(T("coverage.by_unit"));
            lines.AddRange(single.Units.Select(u => u.Count.Pledges == 0
                ? T("coverage.unit_none", u.Unit.Name)
                : T("coverage.unit_line", u.Unit.Name, u.Count.SignersOf(SignerKind.Household), u.Count.SignersOf(SignerKind.Business), u.Count.SignersOf(SignerKind.School), u.Count.SignersOf(SignerKind.Individual), u.Count.Pledges)));
        }

        return string.Join("\n", lines);
    }

    public static string WardLabel(TextCatalog texts, string language, Ward ward) =>
        texts.Get(language, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name);
}
