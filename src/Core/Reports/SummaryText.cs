using System.Globalization;
using Antq.Core.Broadcasts;
using Antq.Core.Pledges;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Core.Reports;

/// <summary>
/// The summary in sentences, in the style of the yearly reports it replaces ("Năm 2024, 87/87 khối, thôn với
/// 19.012 hộ gia đình … ký cam kết"): a paragraph per year, the whole period when it spans years, then subscribers.
/// </summary>
public sealed class SummaryText(TextCatalog texts, TipCatalog categories, PledgeCatalog pledges, string language)
{
    public string Render(SummaryReport report)
    {
        var lines = new List<string>
        {
            T("report.title", AreaLabel(report)),
            T("report.period", Day(report.Period.From), Day(report.Period.To)),
        };
        if (report.IsEmpty)
        {
            return T("report.empty", AreaLabel(report), Day(report.Period.From), Day(report.Period.To));
        }

        // A year with nothing recorded is left out (a ten-year report would hide its figures among zeros); a line says which.
        foreach (var year in report.Years.Where(y => !y.IsEmpty || !report.Period.SpansYears))
        {
            lines.Add("");
            lines.AddRange(Paragraph(report, year, Lead(year.Period), T("report.signers_once")));
        }

        if (report.Period.SpansYears)
        {
            lines.Add("");
            lines.AddRange(Paragraph(report, report.Total, T("report.whole_period", report.Period.From.Year, report.Period.To.Year), T("report.signers_times")));
        }

        lines.Add("");
        if (report.Period.SpansYears && report.EmptyYears.Count > 0)
        {
            lines.Add(T("report.left_out", SummarySheets.Runs(report.EmptyYears)));
        }

        lines.Add(T("report.subscribers", N(report.ActiveSubscribers), N(report.Total.NewSubscribers)));
        if (report.Subscribers.Count > 1 && report.ActiveSubscribers > 0)
        {
            lines.Add(string.Join(" · ", report.Subscribers.Where(s => s.Active > 0).Select(s => $"{s.Ward.Name} {N(s.Active)}")));
        }

        return string.Join("\n", lines);
    }

    public string AreaLabel(SummaryReport report) => report.Area switch
    {
        { Unit: { } unit, Ward: { } ward } => $"{unit.Name}, {CoverageText.WardLabel(texts, language, ward)}",
        { Ward: { } ward } => CoverageText.WardLabel(texts, language, ward),
        _ => report.AreaName,
    };

    public string N(int n) => n.ToString("N0", CultureInfo.GetCultureInfo(language == "en" ? "en-US" : "vi-VN"));

    private IEnumerable<string> Paragraph(SummaryReport report, PeriodFigures f, string lead, string signersWord)
    {
        yield return T(
            "report.pledges", lead, N(f.UnitsCovered), N(report.UnitCount), N(f.SignersOf(SignerKind.Household)), N(f.SignersOf(SignerKind.Business)),
            N(f.SignersOf(SignerKind.School)), N(f.SignersOf(SignerKind.Individual)), N(f.Pledges), signersWord, N(f.ChatPledges), N(f.PaperPledges));
        if (f.Pledges > 0)
        {
            yield return T("report.by_type", Items(pledges.Types.Select(t => (t.Name(language), f.PledgesByType.GetValueOrDefault(t.Id)))));
        }

        yield return T(
            "report.awareness", N(f.Broadcasts), Items(BroadcastTopics.All.Select(t => (T("broadcast.topic_" + t.Code), f.BroadcastsByTopic.GetValueOrDefault(t.Topic)))),
            N(f.Reached), N(f.EventsHeld), N(f.Rsvps));
        yield return T("report.festival", N(f.FestivalWards), N(report.WardCount));
        yield return T(
            "report.tips", N(f.Tips), Items(f.TipsByCategory.OrderByDescending(c => c.Value).ThenBy(c => CategoryOrder(c.Key)).Select(c => (categories.Find(c.Key)?.Name(language) ?? c.Key, c.Value))),
            N(f.TipsVerified), f.MedianFirstResponse is { } median ? Duration(median) : T("report.no_response"));
    }

    private int CategoryOrder(string id) => categories.Categories.Select(c => c.Id).ToList().IndexOf(id) is var i and >= 0 ? i : int.MaxValue;

    private string Lead(ReportPeriod period) => period.IsWholeYear
        ? T("report.year", period.From.Year)
        : T("report.between", Day(period.From), Day(period.To));

    private string Items(IEnumerable<(string Name, int Count)> items)
    {
        var listed = items.Where(i => i.Count > 0).Select(i => $"{i.Name} {N(i.Count)}").ToList();
        return listed.Count == 0 ? "—" : string.Join(", ", listed);
    }

    private string Duration(TimeSpan span) => span.TotalHours >= 48
        ? T("report.days", N((int)Math.Round(span.TotalDays)))
        : span.TotalMinutes >= 60
            ? T("report.hours", (int)span.TotalHours, span.Minutes)
            : T("report.minutes", Math.Max(1, (int)Math.Round(span.TotalMinutes)));

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private string T(string key, params object?[] args) => texts.Get(language, key, args);
}
