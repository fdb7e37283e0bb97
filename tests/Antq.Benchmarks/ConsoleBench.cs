using System.Diagnostics;
using Antq.Bot.Hosting;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Benchmarks;

internal sealed record ConsoleTiming(string Provider, string What, IReadOnlyList<TimeSpan> Runs, int Rows, int Total, TimeSpan Target)
{
    public TimeSpan Best => Runs.Min();

    public TimeSpan Median => Runs.Order().ElementAt(Runs.Count / 2);
}

internal sealed record ConsoleResult(int Tips, IReadOnlyList<ConsoleTiming> Timings, IReadOnlyList<string> Generation, string LoadBefore, string LoadAfter);

/// <summary>
/// The officer console's reads over a city's 100,000 tips: the queue's first page (<see cref="TipQueue"/>) as an
/// officer and as an admin, with filters and searches, and a tip's page (<see cref="TipDetails"/>), on a SQLite file
/// and, with --postgres, on a PostgreSQL server of its own.
/// </summary>
internal static class ConsoleBench
{
    private static readonly TimeSpan QueueTarget = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan PageTarget = TimeSpan.FromMilliseconds(100);

    public static async Task<ConsoleResult> RunAsync(int tips, int runs, bool postgres, TextWriter log)
    {
        var loadBefore = Machine.LoadAverage();
        var areas = AreaTreeLoader.Load(Path.Combine(ContentRoot.Find(), "config", "areas.json"));
        var timings = new List<ConsoleTiming>();
        var generation = new List<string>();
        var folder = Directory.CreateTempSubdirectory("antq-console-bench-").FullName;
        try
        {
            log.WriteLine($"SQLite file, {tips:N0} tips");
            generation.Add(await RunOnAsync("SQLite", DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "antq.db")}", areas, tips, runs, timings, log));
            if (postgres)
            {
                await using var cluster = await PostgresCluster.StartAsync();
                log.WriteLine($"PostgreSQL, {tips:N0} tips");
                generation.Add(await RunOnAsync("PostgreSQL", DatabaseProvider.Postgres, await cluster.CreateDatabaseAsync("console_bench"), areas, tips, runs, timings, log));
            }
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

        return new ConsoleResult(tips, timings, generation, loadBefore, Machine.LoadAverage());
    }

    private static async Task<string> RunOnAsync(string name, DatabaseProvider provider, string connectionString, AreaTree areas, int tips, int runs, List<ConsoleTiming> timings, TextWriter log)
    {
        await using var services = new ServiceCollection().AddLogging().AddAntqStorage(provider, connectionString).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<AntqDb>>();
        await new DatabaseInitializer(contexts, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var officers = await ConsoleData.GenerateAsync(contexts, areas, tips, log);
        var generated = $"{name}: generated in {clock.Elapsed.TotalSeconds:0} s";

        var ward = areas.Wards[0].Id;
        var officer = officers[ward][0];
        Officer admin;
        (long Id, string Code) busiest;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            admin = await db.Officers.AsNoTracking().SingleAsync(o => o.Role == OfficerRole.Admin);

            // The tip page with the most to show: a tip with attachments and a note, in the officer's ward.
            var found = await db.Tips.Where(t => t.WardId == ward && t.Attachments.Any() && db.TipEvents.Count(e => e.TipId == t.Id) >= 4).OrderByDescending(t => t.CreatedAt).Select(t => new { t.Id, t.Code }).FirstAsync();
            busiest = (found.Id, found.Code);
        }

        var queue = new TipQueue(contexts);
        var details = new TipDetails(contexts);
        var recent = DateOnly.FromDateTime(ConsoleData.Now).AddDays(-90);
        var cases = new (string What, Officer Who, TipQueueFilter Filter)[]
        {
            ("Officer, own ward, no filter", officer, new TipQueueFilter()),
            ("Officer, status + category + last 90 days + with attachments", officer, new TipQueueFilter { Status = TipStatus.Closed, CategoryId = "theft", From = recent, WithAttachments = true }),
            ("Officer, assigned to me, in progress", officer, new TipQueueFilter { Status = TipStatus.InProgress, AssignedToMe = true }),
            ("Officer, search \"bẻ khoá xe\"", officer, new TipQueueFilter { Search = "bẻ khoá xe" }),
            ("Officer, search \"be khoa\" + status + last 90 days", officer, new TipQueueFilter { Search = "be khoa", Status = TipStatus.Closed, From = recent }),
            ("Admin, city, no filter", admin, new TipQueueFilter()),
            ("Admin, city, search \"ma tuý cổng trường\"", admin, new TipQueueFilter { Search = "ma tuý cổng trường" }),
            ("Admin, city, search a word no tip has", admin, new TipQueueFilter { Search = "xyzzy" }),
            ("Admin, city, a tracking code", admin, new TipQueueFilter { Search = TrackingCode.Display(busiest.Code).ToLowerInvariant() }),
            ("Admin, one ward, page 40", admin, new TipQueueFilter { WardId = ward, Page = 40 }),
        };
        foreach (var c in cases)
        {
            var times = new List<TimeSpan>();
            TipQueuePage? page = null;
            for (var run = 0; run <= runs; run++)
            {
                var watch = Stopwatch.StartNew();
                page = await queue.ReadAsync(c.Who, c.Filter, CancellationToken.None);
                watch.Stop();

                // The first run warms the page cache and the JIT; it is not counted.
                if (run > 0)
                {
                    times.Add(watch.Elapsed);
                }
            }

            timings.Add(Log(log, new ConsoleTiming(name, "Queue: " + c.What, times, page!.Rows.Count, page.Total, QueueTarget)));
        }

        var pageTimes = new List<TimeSpan>();
        TipDetail? detail = null;
        for (var run = 0; run <= runs; run++)
        {
            var watch = Stopwatch.StartNew();
            detail = await details.ReadAsync(officer, busiest.Id, CancellationToken.None);
            watch.Stop();
            if (run > 0)
            {
                pageTimes.Add(watch.Elapsed);
            }
        }

        timings.Add(Log(log, new ConsoleTiming(name, "Tip page: the tip, its attachments, its history and the officers' names", pageTimes, detail!.Events.Count + detail.Tip.Attachments.Count, 1, PageTarget)));
        return generated;
    }

    private static ConsoleTiming Log(TextWriter log, ConsoleTiming timing)
    {
        log.WriteLine($"  {timing.What}: best {timing.Best.TotalMilliseconds:0.0} ms, median {timing.Median.TotalMilliseconds:0.0} ms ({timing.Rows} rows of {timing.Total:N0})");
        return timing;
    }
}
