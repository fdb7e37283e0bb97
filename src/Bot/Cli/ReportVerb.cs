using System.Globalization;
using Antq.Bot.Reports;
using Antq.Core.Areas;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;

namespace Antq.Bot.Cli;

/// <summary><c>report</c>: the summary (tổng kết) of a period and an area, as text, CSV or JSON, and its chart as a PNG file.</summary>
public static class ReportVerb
{
    public const string Usage = """
        report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--area AREA] [--format text|csv|json] [--chart FILE.png]
            What the movement achieved: broadcasts by topic and recipients reached, events and RSVPs, festival
            days held, tips by category (verified, median time to first response), pledges by type and signer
            kind (chat and paper, units covered), subscribers; a part per calendar year when the period spans years.
            --from defaults to the 1st of January of this year, --to to today (local dates, both included).
            AREA is a ward or commune (name as in config/areas.json, with or without diacritics, or its id) or a
            unit id; without it, the whole city. --chart also writes the yearly chart (pledges, tips, reach).
        """;

    public static async Task<int> RunAsync(string[] args, AntqDb db, AreaTree areas, TipCatalog categories, PledgeCatalog catalog, IReadOnlyList<string> festivalWords, TextWriter output, CancellationToken cancellationToken)
    {
        var options = CliArguments.Parse(args, ["from", "to", "area", "format", "chart"]);
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

        var chartFile = options.Get("chart");
        if (chartFile is not null && !chartFile.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"--chart must name a .png file (got '{chartFile}')");
        }

        var report = await new SummaryBuilder(db, areas, festivalWords).BuildAsync(new ReportPeriod(from, to), area, now, cancellationToken);
        var texts = TextCatalog.LoadEmbedded();
        var text = new SummaryText(texts, categories, catalog, "vi");
        await output.WriteAsync(format switch
        {
            "csv" => SummaryCsv.Render(report),
            "json" => SummaryJson.Render(report) + Environment.NewLine,
            _ => text.Render(report) + Environment.NewLine,
        });
        if (chartFile is not null)
        {
            var png = new ScottPlotCharts().RenderPng(new SummaryAttachments(texts, text, null, "vi").Chart(report));
            await File.WriteAllBytesAsync(chartFile, png, cancellationToken);
            if (format == "text")
            {
                await output.WriteLineAsync($"Chart written to {chartFile}.");
            }
        }

        return 0;
    }

    private static DateOnly? Date(CliArguments options, string name) => options.Get(name) is not { } value
        ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year >= 2000
            ? date
            : throw new CliException($"--{name} must be a date written YYYY-MM-DD (got '{value}')");
}
