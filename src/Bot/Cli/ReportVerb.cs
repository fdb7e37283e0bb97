using System.Globalization;
using Antq.Bot.Reports;
using Antq.Core.Areas;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Bot.Cli;

/// <summary><c>report</c>: the summary (tổng kết) of a period and an area, as text, CSV or JSON, as an Excel workbook, and its charts as PNG files.</summary>
public static class ReportVerb
{
    public const string Usage = """
        report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--area AREA] [--format text|csv|json] [--xlsx FILE.xlsx|FOLDER]
               [--chart FILE.png] [--ward-chart FILE.png]
            What the movement achieved: broadcasts by topic and recipients reached, events and RSVPs, festival
            days held, tips by category (verified, median time to first response), pledges by type and signer
            kind (chat and paper, units covered), subscribers; a part per calendar year when the period spans years.
            --from defaults to the 1st of January of this year, --to to today (local dates, both included).
            AREA is a ward or commune (name as in config/areas.json, with or without diacritics, or its id) or a
            unit id; without it, the whole city. --xlsx also writes the Excel workbook (Vietnamese headers, a sheet
            a section; given a folder, named like tong-ket-2016-2025-toan-thanh-pho.xlsx). --chart also writes the
            yearly chart (pledges, tips, reach), --ward-chart the chart comparing wards (a city report).
        """;

    public static async Task<int> RunAsync(string[] args, AntqDb db, AreaTree areas, TipCatalog categories, PledgeCatalog catalog, IReadOnlyList<string> festivalWords, TextWriter output, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["from", "to", "area", "format", "chart", "xlsx", "ward-chart"]);
        if (options.Help)
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        var now = DateTime.UtcNow;
        var today = ReportPeriod.Today(now);
        var from = Date(options, "from") ?? new DateOnly(today.Year, 1, 1);
        var to = Date(options, "to") ?? today;
        if (to < from)
        {
            throw new CliException($"--to ({to:yyyy-MM-dd}) is before --from ({from:yyyy-MM-dd})");
        }

        if (to.Year - from.Year >= 50)
        {
            throw new CliException("the period is longer than 50 years");
        }

        var area = ReportArea.City;
        if (options.Get("area") is { } name)
        {
            area = ReportArea.Find(areas, name)
                ?? throw new CliException($"no ward, commune or unit '{name}' in the area file; wards and communes: {string.Join(", ", areas.Wards.Select(w => w.Name))}");
        }

        var format = options.Get("format") ?? "text";
        if (format is not ("text" or "csv" or "json"))
        {
            throw new CliException($"--format must be text, csv or json (got '{format}')");
        }

        var chartFile = Png(options, "chart");
        var wardChartFile = Png(options, "ward-chart");
        var xlsxFile = options.Get("xlsx");
        if (xlsxFile is not null && !Directory.Exists(xlsxFile) && !xlsxFile.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"--xlsx must name a .xlsx file or a folder (got '{xlsxFile}')");
        }

        var report = await new SummaryBuilder(db, areas, festivalWords).BuildAsync(new ReportPeriod(from, to), area, now, cancellationToken);
        var texts = TextCatalog.LoadEmbedded();
        var text = new SummaryText(texts, categories, catalog, Languages.Officers);
        await output.WriteAsync(format switch
        {
            "csv" => SummaryCsv.Render(report),
            "json" => SummaryJson.Render(report) + Environment.NewLine,
            _ => text.Render(report) + Environment.NewLine,
        });
        var attachments = new SummaryAttachments(texts, text, new SummarySheets(texts, text, categories, catalog, Languages.Officers), null, Languages.Officers);
        if (xlsxFile is not null)
        {
            var file = Directory.Exists(xlsxFile) ? Path.Combine(xlsxFile, SummaryAttachments.FileName(report) + ".xlsx") : xlsxFile;
            await File.WriteAllBytesAsync(file, attachments.Workbook(report, now), cancellationToken);
            await Written(output, format, "Workbook", file);
        }

        if (chartFile is not null)
        {
            await File.WriteAllBytesAsync(chartFile, new ScottPlotCharts().RenderPng(attachments.Chart(report)), cancellationToken);
            await Written(output, format, "Chart", chartFile);
        }

        if (wardChartFile is not null)
        {
            var wards = attachments.WardChart(report) ?? throw new CliException("--ward-chart needs a city report with figures in at least two wards");
            await File.WriteAllBytesAsync(wardChartFile, new ScottPlotCharts().RenderPng(wards), cancellationToken);
            await Written(output, format, "Ward chart", wardChartFile);
        }

        return 0;
    }

    private static string? Png(CliArguments options, string name) => options.Get(name) is not { } file || file.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
        ? options.Get(name)
        : throw new CliException($"--{name} must name a .png file (got '{file}')");

    // Only beside the text: CSV and JSON on standard output stay clean for the program reading them.
    private static async Task Written(TextWriter output, string format, string what, string file)
    {
        if (format == "text")
        {
            await output.WriteLineAsync($"{what} written to {file}.");
        }
    }

    private static DateOnly? Date(CliArguments options, string name) => options.Get(name) is not { } value
        ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 2000
            ? date
            : throw new CliException($"--{name} must be a date written YYYY-MM-DD (got '{value}')");
}
