using System.Globalization;
using Antq.Core.Locale;

namespace Antq.Core.Reports;

/// <summary>Local calendar dates, both included; queries use the UTC instants of their local midnights.</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTime FromUtc => Utc(From);

    /// <summary>The end, exclusive: the local midnight after <see cref="To"/>.</summary>
    public DateTime ToUtc => Utc(To.AddDays(1));

    public bool SpansYears => From.Year != To.Year;

    /// <summary>The calendar years the period touches, each clipped to the period.</summary>
    public IReadOnlyList<ReportPeriod> Years() =>
        [.. Enumerable.Range(From.Year, To.Year - From.Year + 1).Select(y => new ReportPeriod(Max(From, new DateOnly(y, 1, 1)), Min(To, new DateOnly(y, 12, 31))))];

    public bool IsWholeYear => From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(From.Year, 12, 31);

    public static ReportPeriod Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static ReportPeriod YearsBetween(int first, int last) => new(new DateOnly(first, 1, 1), new DateOnly(last, 12, 31));

    public static ReportPeriod LastMonth(DateTime utcNow)
    {
        var today = Today(utcNow);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return new ReportPeriod(first, first.AddMonths(1).AddDays(-1));
    }

    public static DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(LocalTime.ToLocal(utcNow));

    /// <summary>"2016-2025", "2024" or "2026-10": how the period is named in file names.</summary>
    public string Slug => IsWholeYear ? From.Year.ToString(CultureInfo.InvariantCulture)
        : From == new DateOnly(From.Year, 1, 1) && To == new DateOnly(To.Year, 12, 31) ? $"{From.Year}-{To.Year}"
        : $"{From:yyyyMMdd}-{To:yyyyMMdd}";

    public override string ToString() => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    private static DateTime Utc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), LocalTime.Zone);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
