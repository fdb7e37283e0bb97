using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Reports;

/// <summary>
/// The messages that carry a summary, all from one report: its text (with buttons for the CSV and JSON files that
/// machines read), the Excel workbook people hand in, the chart by year and, for the city, the chart comparing wards.
/// Every file is named by what it is: "tong-ket-2016-2025-chi-lang.xlsx".
/// </summary>
public sealed class SummaryAttachments(TextCatalog texts, SummaryText text, SummarySheets sheets, IChartRenderer? charts, string language)
{
    /// <summary>More wards than this and the comparison shows those with the most figures (a province has a hundred).</summary>
    public const int MostWardsCharted = 20;

    public SummaryChart Chart(SummaryReport report) => new(
        texts.Get(language, "report.chart_title", text.AreaLabel(report)),
        [.. report.Years.Select(y => y.Period.From.Year.ToString(CultureInfo.InvariantCulture))],
        [
            new ChartPanel(texts.Get(language, "report.chart_pledges"), [.. report.Years.Select(y => y.Pledges)]),
            new ChartPanel(texts.Get(language, "report.chart_tips"), [.. report.Years.Select(y => y.Tips)]),
            new ChartPanel(texts.Get(language, "report.chart_reached"), [.. report.Years.Select(y => y.Reached)]),
        ]);

    /// <summary>The wards side by side over the whole period (wards with nothing left out); null when fewer than two have figures.</summary>
    public SummaryChart? WardChart(SummaryReport report)
    {
        var wards = report.Wards.Where(w => !w.IsEmpty).ToList();
        if (wards.Count < 2)
        {
            return null;
        }

        var title = texts.Get(language, "report.chart_wards_title", text.AreaLabel(report), Span(report));
        if (wards.Count > MostWardsCharted)
        {
            var most = wards.OrderByDescending(w => w.Pledges + w.Tips + w.Reached).Take(MostWardsCharted).ToHashSet();
            wards = [.. wards.Where(most.Contains)];
            title = texts.Get(language, "report.chart_wards_most", title, MostWardsCharted);
        }

        return new SummaryChart(
            title,
            [.. wards.Select(w => w.Ward.Name)],
            [
                new ChartPanel(texts.Get(language, "report.chart_pledges"), [.. wards.Select(w => w.Pledges)]),
                new ChartPanel(texts.Get(language, "report.chart_tips"), [.. wards.Select(w => w.Tips)]),
                new ChartPanel(texts.Get(language, "report.chart_reached"), [.. wards.Select(w => w.Reached)]),
            ]);
    }

    /// <summary>"tong-ket-2016-2025-chi-lang": the name of every file of the report, before its extension.</summary>
    public static string FileName(SummaryReport report) => $"tong-ket-{report.Period.Slug}-{report.Area.UnitId ?? report.Area.WardId ?? "toan-thanh-pho"}";

    public byte[] Workbook(SummaryReport report, DateTime nowUtc) => SummaryWorkbook.Bytes(sheets.Tables(report, nowUtc));

    public IReadOnlyList<OutgoingMessage> Messages(SummaryReport report, DateTime nowUtc, string? lead = null)
    {
        var body = text.Render(report);
        var first = new OutgoingMessage { Text = lead is null ? body : lead + "\n\n" + body };
        if (report.IsEmpty)
        {
            return [first];
        }

        var name = FileName(report);
        var messages = new List<OutgoingMessage>
        {
            MachineFiles(report) is { } buttons ? first with { Buttons = buttons } : first,
            new() { Text = texts.Get(language, "report.xlsx"), Media = new MediaRef(AttachmentKind.Document, "", name + ".xlsx", Workbook(report, nowUtc)) },
        };
        if (charts is not null)
        {
            messages.Add(new OutgoingMessage { Text = texts.Get(language, "report.chart"), Media = new MediaRef(AttachmentKind.Photo, "", name + ".png", charts.RenderPng(Chart(report))) });
            if (WardChart(report) is { } wards)
            {
                messages.Add(new OutgoingMessage { Text = texts.Get(language, "report.chart_wards"), Media = new MediaRef(AttachmentKind.Photo, "", name + "-phuong-xa.png", charts.RenderPng(wards)) });
            }
        }

        return messages;
    }

    /// <summary>One file of the report on its own, asked for with a button: CSV or JSON for machines, or the workbook again.</summary>
    public OutgoingMessage File(SummaryReport report, string format, DateTime nowUtc)
    {
        var name = FileName(report) + "." + format;
        var (caption, content) = format switch
        {
            "csv" => (texts.Get(language, "report.csv"), SummaryCsv.Bytes(report)),
            "json" => (texts.Get(language, "report.json"), System.Text.Encoding.UTF8.GetBytes(SummaryJson.Render(report))),
            _ => (texts.Get(language, "report.xlsx"), Workbook(report, nowUtc)),
        };
        return new OutgoingMessage { Text = caption, Media = new MediaRef(AttachmentKind.Document, "", name, content) };
    }

    /// <summary>Buttons for the CSV and JSON of a report of whole years (the ones /report makes, so a tap can make it again).</summary>
    private IReadOnlyList<IReadOnlyList<Button>>? MachineFiles(SummaryReport report)
    {
        var (from, to) = (report.Period.From, report.Period.To);
        if (from != new DateOnly(from.Year, 1, 1) || to != new DateOnly(to.Year, 12, 31))
        {
            return null;
        }

        var area = report.Area.UnitId ?? report.Area.WardId;
        return
        [
            [
                new Button(texts.Get(language, "report.button_csv"), new ReportButton(from.Year, to.Year, area, "csv").Data),
                new Button(texts.Get(language, "report.button_json"), new ReportButton(from.Year, to.Year, area, "json").Data),
            ],
        ];
    }

    private static string Span(SummaryReport report) => report.Period.SpansYears
        ? $"{report.Period.From.Year}–{report.Period.To.Year}"
        : report.Period.IsWholeYear ? report.Period.From.Year.ToString(CultureInfo.InvariantCulture) : report.Period.ToString();
}
