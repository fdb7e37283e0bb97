using System.Diagnostics;
using System.Globalization;
using Antq.Bot.Reports;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Antq.Bot.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Benchmarks;

internal sealed record ReportTiming(string What, IReadOnlyList<TimeSpan> Runs, string Target)
{
    public TimeSpan Best => Runs.Min();

    public TimeSpan Median => Runs.Order().ElementAt(Runs.Count / 2);
}

internal sealed record ReportResult(ReportData Data, TimeSpan Generation, long FileBytes, IReadOnlyList<ReportTiming> Timings, string Sample, string LoadAverage)
{
    /// <summary>On PostgreSQL: how long copy-to-postgres's copy took (with its checks) and how many rows it copied.</summary>
    public (TimeSpan Took, long Rows, string Steps)? Copy { get; init; }
}

/// <summary>Times the summary report over a generated province: ten years city-wide, one ward, and one year city-wide.</summary>
internal static class ReportBench
{
    public static async Task<ReportResult> RunAsync(double scale, int runs, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("antq-report-bench-").FullName;
        var file = Path.Combine(folder, "antq.db");
        try
        {
            var options = (DbContextOptions<AntqDb>)StorageRegistration.Configure(new DbContextOptionsBuilder<AntqDb>(), $"Data Source={file}").Options;
            await new DatabaseInitializer(new ContextFactory(() => new AntqDb(options)), NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
            if (Environment.GetEnvironmentVariable("ANTQ_BENCH_SQL") == "1")
            {
                // Slow statements with their times, to read the query plans from.
                options = (DbContextOptions<AntqDb>)new DbContextOptionsBuilder<AntqDb>(options)
                    .LogTo(line => { if (line.Contains("Executed DbCommand (", StringComparison.Ordinal) && !line.Contains("Executed DbCommand (0ms)", StringComparison.Ordinal)) { log.WriteLine(line); } }, [DbLoggerCategory.Database.Command.Name])
                    .Options;
            }

            var data = new ReportData(file, scale, log);
            log.WriteLine($"Generating the data set (scale {scale.ToString(CultureInfo.InvariantCulture)}) in {file}");
            var generation = await data.GenerateAsync();
            log.WriteLine($"  generated in {generation.TotalSeconds:0} s, {new FileInfo(file).Length / 1_048_576:N0} MiB");
            var open = () => new AntqDb(options);
            (TimeSpan, long, string)? copy = null;
            if (BenchDatabase.OnPostgres)
            {
                (open, copy) = await CopyToPostgresAsync(options, log);
            }

            var areas = ReportData.Areas();
            var root = ContentRoot.Find();
            var categories = TipCatalog.Load(Path.Combine(root, "config", "tip-categories.json"));
            var pledges = PledgeCatalog.Load(Path.Combine(root, "config", "pledges.json"));
            var texts = TextCatalog.LoadEmbedded();
            var now = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            var tenYears = ReportPeriod.YearsBetween(2016, 2025);
            var cases = new (string What, ReportPeriod Period, ReportArea Area, string Target, bool Render)[]
            {
                ("Province, 2016–2025 (counts only)", tenYears, ReportArea.City, "< 2 s", false),
                ("Province, 2016–2025 (counts + text + CSV + JSON + chart)", tenYears, ReportArea.City, "< 2 s", true),
                ("One ward, 2016–2025 (counts only)", tenYears, new ReportArea(areas.FindWard("w7"), null), "< 200 ms", false),
                ("One ward, 2016–2025 (counts + text + CSV + JSON + chart)", tenYears, new ReportArea(areas.FindWard("w7"), null), "< 200 ms", true),
                ("Province, 2025 only (counts only)", ReportPeriod.Year(2025), ReportArea.City, "—", false),
            };
            var timings = new List<ReportTiming>();
            var sample = "";
            var charts = new ScottPlotCharts();
            foreach (var c in cases)
            {
                var times = new List<TimeSpan>();
                for (var run = 0; run <= runs; run++)
                {
                    await using var db = open();
                    var clock = Stopwatch.StartNew();
                    var report = await new SummaryBuilder(db, areas, ["ngày hội"]).BuildAsync(c.Period, c.Area, now, CancellationToken.None);
                    if (c.Render)
                    {
                        var text = new SummaryText(texts, categories, pledges, "vi");
                        var rendered = text.Render(report);
                        if (c.Area.WardId is null && c.Period == tenYears)
                        {
                            sample = rendered;
                        }
                        _ = SummaryCsv.Bytes(report);
                        _ = SummaryJson.Render(report);
                        _ = charts.RenderPng(new SummaryAttachments(texts, text, new SummarySheets(texts, text, categories, pledges, "vi"), null, "vi").Chart(report));
                    }

                    clock.Stop();

                    // The first run warms the page cache and the JIT; it is not counted.
                    if (run > 0)
                    {
                        times.Add(clock.Elapsed);
                    }
                }

                var timing = new ReportTiming(c.What, times, c.Target);
                timings.Add(timing);
                log.WriteLine($"  {c.What}: best {timing.Best.TotalMilliseconds:0} ms, median {timing.Median.TotalMilliseconds:0} ms over {runs} runs");
            }

            return new ReportResult(data, generation, new FileInfo(file).Length, timings, sample, Machine.LoadAverage()) { Copy = copy };
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    /// <summary>
    /// The generated province copied into a PostgreSQL database as a city moving there would be (copy-to-postgres's own
    /// copy, which checks row counts and tallies and analyses the tables), each step logged as it is done; how to open it.
    /// </summary>
    private static async Task<(Func<AntqDb> Open, (TimeSpan Took, long Rows, string Steps) Copy)> CopyToPostgresAsync(DbContextOptions<AntqDb> sqlite, TextWriter log)
    {
        var target = await BenchDatabase.NewAsync("");
        AntqDb Open() => StorageRegistration.CreateContext(DatabaseProvider.Postgres, target);
        await new DatabaseInitializer(new ContextFactory(Open), NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var marks = new List<double>();
        void Step(string step)
        {
            marks.Add(clock.Elapsed.TotalSeconds);
            log.WriteLine($"    {clock.Elapsed.TotalSeconds,5:0} s  {step}");
        }

        long rows;
        TimeSpan took;
        await using (var source = new AntqDb(sqlite))
        await using (var destination = Open())
        {
            var copied = await DatabaseCopy.CopyAsync(source, destination, new CopyProgress(Step), CancellationToken.None);
            took = clock.Elapsed;
            rows = copied.Sum(c => c.Rows);
            log.WriteLine($"  copied to PostgreSQL in {took.TotalSeconds:0} s: {rows:N0} rows in {copied.Count} tables");
        }

        // The copy's last four steps end the rows (the last table), the indexes, the tallies and the checks; ANALYZE after.
        var at = marks[^4..].Append(took.TotalSeconds).ToList();
        var steps = string.Create(CultureInfo.InvariantCulture, $"rows {at[0]:N0} s, indexes {at[1] - at[0]:N0} s, tallies {at[2] - at[1]:N0} s, checks {at[3] - at[2]:N0} s, ANALYZE {at[4] - at[3]:N0} s");
        return (Open, (took, rows, steps));
    }
}
