using System.Globalization;
using System.Text;
using Antq.Core.Broadcasts;
using Antq.Core.Pledges;

namespace Antq.Core.Reports;

/// <summary>
/// The summary as CSV (RFC 4180), one number a row — period, section, measure, item, value — so a spreadsheet can
/// pivot it; the same numbers as the text and the chart.
/// </summary>
public static class SummaryCsv
{
    public static string Render(SummaryReport report)
    {
        var sb = new StringBuilder();
        Row(sb, "period", "area", "section", "measure", "item", "value");
        var area = report.Area.UnitId ?? report.Area.WardId ?? "city";
        var figures = report.Period.SpansYears ? [.. report.Years, report.Total] : report.Years;
        foreach (var f in figures)
        {
            var period = f == report.Total && report.Period.SpansYears ? "total" : f.Period.IsWholeYear ? N(f.Period.From.Year) : $"{f.Period.From:yyyy-MM-dd}..{f.Period.To:yyyy-MM-dd}";
            void Add(string section, string measure, string item, int value) => Row(sb, period, area, section, measure, item, N(value));

            foreach (var (topic, code) in BroadcastTopics.All)
            {
                Add("awareness", "broadcasts", code, f.BroadcastsByTopic.GetValueOrDefault(topic));
            }

            Add("awareness", "broadcasts", "", f.Broadcasts);
            Add("awareness", "reached", "", f.Reached);
            Add("awareness", "events_held", "", f.EventsHeld);
            Add("awareness", "rsvps", "", f.Rsvps);
            Add("festival", "wards_held", "", f.FestivalWards);
            Add("festival", "wards_all", "", report.WardCount);
            foreach (var (category, n) in f.TipsByCategory.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                Add("tips", "received", category, n);
            }

            Add("tips", "received", "", f.Tips);
            Add("tips", "verified", "", f.TipsVerified);
            Add("tips", "answered", "", f.TipsAnswered);
            Row(sb, period, area, "tips", "median_first_response_minutes", "", f.MedianFirstResponse is { } m ? Math.Round(m.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture) : "");
            foreach (var kind in Enum.GetValues<SignerKind>())
            {
                Add("pledges", "signers", kind.ToString().ToLowerInvariant(), f.SignersOf(kind));
            }

            foreach (var (type, n) in f.PledgesByType.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                Add("pledges", "pledges", type, n);
            }

            Add("pledges", "pledges", "", f.Pledges);
            Add("pledges", "from_chat", "", f.ChatPledges);
            Add("pledges", "from_paper", "", f.PaperPledges);
            Add("pledges", "units_covered", "", f.UnitsCovered);
            Add("pledges", "units_all", "", report.UnitCount);
            Add("subscribers", "new", "", f.NewSubscribers);
        }

        var end = report.Period.SpansYears ? "total" : report.Years[0].Period.IsWholeYear ? N(report.Period.From.Year) : $"{report.Period.From:yyyy-MM-dd}..{report.Period.To:yyyy-MM-dd}";
        foreach (var ward in report.Subscribers)
        {
            Row(sb, end, area, "subscribers", "active", ward.Ward.Id, N(ward.Active));
        }

        Row(sb, end, area, "subscribers", "active", "", N(report.ActiveSubscribers));
        return sb.ToString();
    }

    /// <summary>With a byte-order mark, so that Excel opens the Vietnamese names as UTF-8.</summary>
    public static byte[] Bytes(SummaryReport report) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Render(report))];

    private static void Row(StringBuilder sb, params string[] fields) => sb.Append(string.Join(',', fields.Select(CoverageCsv.Field))).Append("\r\n");

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
