using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Reports;

/// <summary>The messages that carry a summary: its text, then the CSV file and the chart, all from one report.</summary>
public sealed class SummaryAttachments(TextCatalog texts, SummaryText text, IChartRenderer? charts, string language)
{
    public SummaryChart Chart(SummaryReport report) => new(
        texts.Get(language, "report.chart_title", text.AreaLabel(report)),
        [.. report.Years.Select(y => y.Period.From.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        [
            new ChartPanel(texts.Get(language, "report.chart_pledges"), [.. report.Years.Select(y => y.Pledges)]),
            new ChartPanel(texts.Get(language, "report.chart_tips"), [.. report.Years.Select(y => y.Tips)]),
            new ChartPanel(texts.Get(language, "report.chart_reached"), [.. report.Years.Select(y => y.Reached)]),
        ]);

    public IReadOnlyList<OutgoingMessage> Messages(SummaryReport report, string? lead = null)
    {
        var body = text.Render(report);
        var messages = new List<OutgoingMessage> { new() { Text = lead is null ? body : lead + "\n\n" + body } };
        if (report.IsEmpty)
        {
            return messages;
        }

        var slug = $"tong-ket-{report.Period.Slug}-{report.Area.UnitId ?? report.Area.WardId ?? "toan-thanh-pho"}";
        messages.Add(new OutgoingMessage { Text = texts.Get(language, "report.csv"), Media = new MediaRef(AttachmentKind.Document, "", slug + ".csv", SummaryCsv.Bytes(report)) });
        if (charts is not null)
        {
            messages.Add(new OutgoingMessage { Text = texts.Get(language, "report.chart"), Media = new MediaRef(AttachmentKind.Photo, "", slug + ".png", charts.RenderPng(Chart(report))) });
        }

        return messages;
    }
}
