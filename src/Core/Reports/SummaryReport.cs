using Antq.Core.Areas;

namespace Antq.Core.Reports;

/// <summary>The summary (tổng kết) of a period and an area: a figure set per calendar year and one for the whole period.</summary>
public sealed record SummaryReport(
    ReportPeriod Period,
    ReportArea Area,
    string AreaName,
    int WardCount,
    int UnitCount,
    IReadOnlyList<PeriodFigures> Years,
    PeriodFigures Total,
    IReadOnlyList<WardSubscribers> Subscribers)
{
    /// <summary>Residents following at the end of the period who still follow.</summary>
    public int ActiveSubscribers => Subscribers.Sum(s => s.Active);

    public bool IsEmpty => Total.IsEmpty;

    /// <summary>Each ward's figures over the period, to compare them (a city report only; empty for a ward or unit).</summary>
    public IReadOnlyList<WardFigures> Wards { get; init; } = [];

    /// <summary>The years with nothing recorded: left out of the text and the sheets (a ten-year report hides its figures among zeros).</summary>
    public IReadOnlyList<int> EmptyYears => [.. Years.Where(y => y.IsEmpty).Select(y => y.Period.From.Year)];
}

/// <summary>Residents of one ward who subscribed by the end of the period and are still active.</summary>
public sealed record WardSubscribers(Ward Ward, int Active);
