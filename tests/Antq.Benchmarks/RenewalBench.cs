using System.Diagnostics;
using System.Globalization;
using Antq.Core.Delivery;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Testing;
using Antq.Bot.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Benchmarks;

/// <summary>
/// The pledge renewal invitations' clock tick over a generated province (the report benchmark's data set, last
/// year's pledges given to residents): the first tick invites everyone due, the next ones find no one. For each,
/// the tick's time and how long it held the single writer (the write gate), in all and at the longest. Then the
/// message retention over the same data set's outbox (ten years of broadcast deliveries).
/// </summary>
internal static class RenewalBench
{
    public static async Task RunAsync(double scale, int ticks, TextWriter log)
    {
        var folder = Directory.CreateTempSubdirectory("antq-renewal-bench-").FullName;
        var file = Path.Combine(folder, "antq.db");
        try
        {
            var options = (DbContextOptions<AntqDb>)StorageRegistration.Configure(new DbContextOptionsBuilder<AntqDb>(), $"Data Source={file}").Options;
            var factory = new ContextFactory(() => new AntqDb(options));
            await new DatabaseInitializer(factory, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
            var data = new ReportData(file, scale, log);
            log.WriteLine($"Generating the data set (scale {scale.ToString(CultureInfo.InvariantCulture)})");
            await data.GenerateAsync();
            var catalog = PledgeCatalog.Load(Path.Combine(ContentRoot.Find(), "config", "pledges.json"));
            var year = catalog.Campaign.Year;
            await using (var db = new AntqDb(options))
            {
                // Last year's pledges signed in chat by residents (the data set leaves them on paper): each signer's two.
                var given = await db.Database.ExecuteSqlRawAsync(
                    """UPDATE pledges SET ResidentId = (Id / 2) % {0} + 1, CampaignYear = {1} WHERE CampaignYear = 2025""", [data.Residents, year - 1]);
                log.WriteLine($"  {given:N0} pledges of {year - 1} given to residents");
            }

            var gate = new WriteGate();
            var open = catalog.Campaign.Opens.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc).AddDays(1);
            var clock = new ManualClock();
            clock.Advance(open - DateTime.UtcNow);
            var renewals = new PledgeRenewals(factory, gate, catalog, TextCatalog.LoadEmbedded(), new DeliverySignal(), clock);
            for (var tick = 1; tick <= ticks; tick++)
            {
                var (held, entries, longest) = (gate.HeldSeconds, gate.Entries, gate.LongHolds().Values.Select(h => h.Longest).DefaultIfEmpty().Max());
                var ticking = Stopwatch.StartNew();
                var invited = await renewals.TickAsync(CancellationToken.None);
                var took = ticking.Elapsed;
                var longestNow = gate.LongHolds().Values.Select(h => h.Longest).DefaultIfEmpty().Max();
                var turns = gate.Entries - entries;
                log.WriteLine($"  tick {tick}: {invited:N0} invited in {took.TotalMilliseconds:N0} ms; the writer held {(gate.HeldSeconds - held) * 1000:N0} ms in {turns} turn(s), {(turns == 0 ? "none" : $"{(gate.HeldSeconds - held) * 1000 / turns:N0} ms each on average")}{(longestNow > longest ? $", the longest {longestNow.TotalMilliseconds:N0} ms" : "")}");
            }

            // Then the message retention over the same province: ten years of broadcasts' deliveries, all past keeping.
            await using (var db = new AntqDb(options))
            {
                var rows = await db.Outbox.CountAsync();
                log.WriteLine($"Message retention over {rows:N0} outbox rows (every broadcast settled, all older than 30 days)");
            }

            var retentionGate = new WriteGate();
            var retention = new MessageRetention(factory, retentionGate, clock, Microsoft.Extensions.Options.Options.Create(new DeliveryOptions()), NullLogger<MessageRetention>.Instance);
            var started = Stopwatch.StartNew();
            var (outbox, inbox) = await retention.RunOnceAsync(CancellationToken.None);
            var holds = retentionGate.LongHolds().Values.ToList();
            log.WriteLine($"  {outbox:N0} outbox and {inbox:N0} inbox rows deleted in {started.Elapsed.TotalSeconds:0.0} s; the writer held {retentionGate.HeldSeconds:0.0} s in {retentionGate.Entries:N0} turns, {retentionGate.HeldSeconds * 1000 / Math.Max(1, retentionGate.Entries):0.0} ms each on average; {holds.Sum(h => h.Count)} turns over {WriteGate.LongHold.TotalMilliseconds:0} ms{(holds.Count == 0 ? "" : $", the longest {holds.Max(h => h.Longest).TotalMilliseconds:0} ms")}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
