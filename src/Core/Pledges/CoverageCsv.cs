using System.Globalization;
using System.Text;

namespace Antq.Core.Pledges;

/// <summary>The coverage report as CSV (RFC 4180): one row per unit, the same numbers as the text.</summary>
public static class CoverageCsv
{
    public static string Render(CoverageReport report)
    {
        var sb = new StringBuilder();
        Row(sb, ["year", "ward_id", "ward", "unit_id", "unit", "households", "businesses", "teachers_students", "individuals", .. report.Types.Select(t => t.Id), "pledges"]);
        foreach (var ward in report.Wards)
        {
            foreach (var unit in ward.Units)
            {
                var c = unit.Count;
                Row(sb,
                [
                    N(report.Year), ward.Ward.Id, ward.Ward.Name, unit.Unit.Id, unit.Unit.Name,
                    N(c.SignersOf(SignerKind.Household)), N(c.SignersOf(SignerKind.Business)), N(c.SignersOf(SignerKind.School)), N(c.SignersOf(SignerKind.Individual)),
                    .. report.Types.Select(t => N(c.OfType(t.Id))), N(c.Pledges),
                ]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The CSV as a file's bytes, with a byte-order mark so that Excel opens the Vietnamese names as UTF-8.</summary>
    public static byte[] Bytes(CoverageReport report) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Render(report))];

    /// <summary>"bao-phu-cam-ket-2026-chi-lang.csv": the file named by its year and area, in the chat and the console alike.</summary>
    public static string FileName(int year, string? wardId) => string.Create(CultureInfo.InvariantCulture, $"bao-phu-cam-ket-{year}-{wardId ?? "toan-thanh-pho"}.csv");

    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void Row(StringBuilder sb, IEnumerable<string> fields) => sb.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
