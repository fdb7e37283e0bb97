namespace Antq.Core.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>On the 1st of each month, send last month's city-wide summary to the admins.</summary>
    public bool MonthlyToAdmins { get; set; }

    /// <summary>When in the month's first day (local time) the monthly summary goes.</summary>
    public TimeSpan MonthlyAt { get; set; } = TimeSpan.FromHours(7);

    /// <summary>An event whose title holds one of these (diacritics ignored) is a festival day (Ngày hội).</summary>
    public List<string> FestivalTitleWords { get; set; } = ["ngày hội"];
}
