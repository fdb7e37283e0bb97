using System.Globalization;
using System.Text.RegularExpressions;

namespace Antq.Core.Reports;

/// <summary>
/// A report period from the /report question (<c>report:2025</c>, <c>report:2016-2025</c>) or one file of a report
/// already shown (<c>report:csv:2016-2025 chi-lang</c>), as in buttons already sent to chats: offered by
/// <see cref="ReportRoutes"/> and <see cref="SummaryAttachments"/>, read by <see cref="ReportRoutes"/>, built and
/// parsed here only. The years are as given (either order); the reader puts them in order.
/// </summary>
public sealed partial record ReportButton(int FirstYear, int LastYear, string? Area = null, string? File = null)
{
    private const string Prefix = "report:";

    public static ReportButton Year(int year) => new(year, year);

    public string Data
    {
        get
        {
            // Files always name a span ("2025-2025"), the question a single year alone: both as chats hold them.
            var years = File is null && FirstYear == LastYear
                ? FirstYear.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{FirstYear}-{LastYear}");
            return Prefix + (File is { } file ? file + ":" : "") + years + (Area is { } area ? " " + area : "");
        }
    }

    /// <summary>True when the data belongs to this family (well formed or not).</summary>
    public static bool Owns(string? data) => data?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The period (and file) in <paramref name="data"/>; null when it is not a well-formed report button.</summary>
    public static ReportButton? Parse(string? data)
    {
        if (!Owns(data))
        {
            return null;
        }

        var chosen = data![Prefix.Length..];
        var file = Files().Match(chosen);
        var rest = file.Success ? chosen[file.Length..] : chosen;
        return TryYears(rest, out var first, out var last, out var area)
            ? new ReportButton(first, last, area, file.Success ? file.Groups[1].Value : null)
            : null;
    }

    /// <summary>"2024", "2016-2025" or "2016 – 2025", then optionally an area: as typed after /report or held by a button.</summary>
    public static bool TryYears(string text, out int first, out int last, out string? area)
    {
        var m = Years().Match(text);
        first = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        last = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : first;
        area = m.Success && text[m.Length..].Trim() is { Length: > 0 } named ? named : null;
        return m.Success;
    }

    [GeneratedRegex("^(csv|json|xlsx):")]
    private static partial Regex Files();

    [GeneratedRegex(@"^((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?(?=\s|$)")]
    private static partial Regex Years();
}
