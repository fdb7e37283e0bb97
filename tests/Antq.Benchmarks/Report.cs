using System.Globalization;
using System.Text;
using Antq.Bot.Hosting;
using Antq.Core.Storage;

namespace Antq.Benchmarks;

/// <summary>Writes results into docs/benchmarks.md, replacing only the block of the benchmark that ran.</summary>
internal static class Report
{
    private const double SaturationTarget = 2000;
    private const double QueuedTarget = 50;
    private const double SentTarget = 100;

    public static void Write(string name, string section)
    {
        var file = Path.Combine(ContentRoot.Find(), "docs", "benchmarks.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        name = BenchDatabase.Section(name);
        var begin = $"<!-- {name}:begin (written by tests/Antq.Benchmarks) -->";
        var end = $"<!-- {name}:end -->";
        var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n";
        var block = begin + "\n" + section.TrimEnd() + "\n" + end;
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(file, text);
        Console.WriteLine($"Results written to {file}");
    }

    public static string Saturation(IReadOnlyList<SaturationResult> runs, int warmUp, Machine machine, string command)
    {
        var text = new StringBuilder();
        Header(text, "Saturation", machine, command, BenchInstances.TitleSuffix(webhook: true));
        text.AppendLine(CultureInfo.InvariantCulture, $"Closed loop: {runs[0].Residents:N0} residents go through onboarding ({runs[0].Updates / runs[0].Residents} inputs each, {runs[0].Updates:N0} updates), each sending its next input as soon as the replies to the previous one reached the fake Bot API. A warm-up of {warmUp:N0} other residents (same script), then rounds of 1,000 more until one compiles fewer than 40 methods, runs first in the same process and is not counted.");
        text.AppendLine();
        if (BenchInstances.Given)
        {
            text.AppendLine(BenchInstances.SaturationSetUp());
            text.AppendLine();
        }

        var offered = BenchInstances.Webhook ? "First update posted to a webhook" : "First update queued at fake";
        text.AppendLine(CultureInfo.InvariantCulture, $"| Run | Updates handled | First received → last reply queued | **Updates/s (database)** | {offered} → last reply at fake | Updates/s (end to end) | Received → queued p50 / p99 | CPU per update (whole process) | Updates/s the CPU time allows on 2 cores | Write gate held per update (busy share) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {i + 1} | {r.Handled:N0} | {r.DbSpan.TotalSeconds:0.00} s | **{r.DbRate:N0}** | {r.EndToEndSpan.TotalSeconds:0.00} s | {r.EndToEndRate:N0} | {Distribution.Ms(r.HandleLatency.P50)} / {Distribution.Ms(r.HandleLatency.P99)} ms | {r.CpuMsPerUpdate:0.000} ms | {2000 / r.CpuMsPerUpdate:N0} | {r.GateMsPerUpdate:0.000} ms ({r.GateBusy:P0}) |");
        }

        text.AppendLine();
        text.AppendLine("CPU per update is the process's CPU time (bot, fake Bot API and load generator together) over the measured closed loop divided by the updates; 2,000 ms of CPU a second on 2 cores divided by it is the rate the work itself would allow if nothing else ran on the machine. " + (BenchDatabase.OnPostgres
            ? "On PostgreSQL the write gate only counts (the group writer and the jobs write in concurrent transactions): its held time is summed over its holders, so the busy share can pass 100 %."
            : "The write gate is the process's single SQLite writer (inbox, engine, outbox lease and outcomes): its held time per update bounds the rate at 1,000 ms divided by it, whatever the cores."));
        text.AppendLine();
        text.AppendLine("Where the writer's time went, per update (`antq_writer_*` at /metrics), and what the whole process allocated:");
        text.AppendLine();
        for (var i = 0; i < runs.Count; i++)
        {
            var posted = runs[i].PostedByInstance.Length > 0 ? $"; updates posted to each instance: {runs[i].PostedByInstance}" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"- run {i + 1}: {runs[i].Writer}; {runs[i].AllocatedKbPerUpdate:0} KB allocated per update{posted}.");
        }

        var worst = runs.Min(r => r.DbRate);
        text.AppendLine();
        text.AppendLine(BenchDatabase.OnPostgres
            ? string.Create(CultureInfo.InvariantCulture, $"No target on PostgreSQL: the {SaturationTarget:N0} updates/s on 2 cores is SQLite's, one process on its own file; here the database is a server on the same 2 cores (lowest run: {worst:N0} updates/s).")
            : string.Create(CultureInfo.InvariantCulture, $"Target: at least {SaturationTarget:N0} updates/s on 2 cores — **{(worst >= SaturationTarget ? "met" : "missed")}** (lowest run: {worst:N0} updates/s)."));
        return text.ToString();
    }

    public static string Latency(IReadOnlyList<LatencyResult> runs, Machine machine, string command)
    {
        var text = new StringBuilder();
        Header(text, "Latency", machine, command);
        var r0 = runs[0];
        text.AppendLine(CultureInfo.InvariantCulture, $"Open loop: {r0.OfferedRate:0} updates/s offered, round-robin over {r0.Residents:N0} residents (each repeats onboarding, then /delete_me → erase:yes), whatever the bot answers; before it, a closed-loop warm-up on the same script until the JIT settles, then 5 s of the open loop not counted, then {r0.Measured.TotalSeconds:0} s measured.");
        text.AppendLine();
        text.AppendLine("| Run | Measure | Updates | p50 | p95 | p99 | max |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i];
            Row(text, i + 1, "(1) received → reply queued (database: inbox ReceivedAt → HandledAt = outbox CreatedAt)", r.ReceivedToQueued);
            Row(text, i + 1, "(2) handed out by getUpdates → first reply received by the Bot API", r.HandedOutToFirstReply);
            Row(text, i + 1, "(2′) handed out by getUpdates → last reply of the update received by the Bot API", r.HandedOutToLastReply);
            Row(text, i + 1, "(info) offered → handed out by getUpdates", r.QueuedToHandedOut);
        }

        text.AppendLine();
        foreach (var (r, i) in runs.Select((r, i) => (r, i)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Run {i + 1}: offered {r.OfferedRate:0}/s, achieved {r.AchievedRate:0.0}/s; replies missing after the run: {r.MissingReplies}. Stalls while offering: {r.Stalls}. By step of the script (p99 received → queued; the single writer's busy share while the step was offered): {r.ByStep}.");
            text.AppendLine();
        }

        var queued = runs.Max(r => r.ReceivedToQueued.P99);
        var sent = runs.Max(r => r.HandedOutToFirstReply.P99);
        var sentLast = runs.Max(r => r.HandedOutToLastReply.P99);
        text.AppendLine(CultureInfo.InvariantCulture, $"Targets: (1) p99 < {QueuedTarget:0} ms — **{(queued < QueuedTarget ? "met" : "missed")}** (worst run {Distribution.Ms(queued)} ms); (2) p99 < {SentTarget:0} ms — **{(sent < SentTarget ? "met" : "missed")}** for the first reply (worst run {Distribution.Ms(sent)} ms), **{(sentLast < SentTarget ? "met" : "missed")}** for the last reply (worst run {Distribution.Ms(sentLast)} ms).");
        return text.ToString();
    }

    public static string Broadcast(IReadOnlyList<BroadcastResult> runs, Machine machine, string command, string loadBefore, string loadAfter, int seconds)
    {
        var text = new StringBuilder();
        Header(text, "Broadcast delivery", machine, command, BenchInstances.TitleSuffix(webhook: false));
        var r0 = runs[0];
        text.AppendLine(CultureInfo.InvariantCulture, $"{r0.Subscribers:N0} consenting active subscribers over every ward and unit of config/areas.json; one city-wide urgent broadcast per scenario, each scenario in a fresh process, host and {(BenchDatabase.OnPostgres ? "PostgreSQL database" : "SQLite file")}; the first {r0.SkipSeconds:0} s of sending are skipped, then up to the measured window (or until the audience is exhausted).{BenchInstances.BroadcastSetUp()} Load average (1/5/15 min) before {loadBefore}, after {loadAfter}{(Loaded(loadBefore) || Loaded(loadAfter) ? $" — **the run shared the {machine.Cores} cores with other work, so rates and latencies are lower and noisier than on a quiet machine**" : "")}.");
        text.AppendLine();
        text.AppendLine("| # | Benchmark | Target | Measured | Result | Command |");
        text.AppendLine("|---:|---|---|---|---|---|");
        var where = (BenchDatabase.OnPostgres ? " " + BenchDatabase.Flag : "") + (BenchInstances.Given ? $" {BenchInstances.Flag} {BenchInstances.Count}" : "");
        string Cmd(string? only) => $"`dotnet run -c Release --project tests/Antq.Benchmarks -- broadcast{where}{(only is null ? "" : " --only " + only)} --seconds {seconds}{(r0.SkipSeconds == 5 ? "" : $" --skip {r0.SkipSeconds:0}")}{(r0.Subscribers == 175_726 ? "" : $" --subscribers {r0.Subscribers}")}`";
        var expansion = runs.Max(r => r.ExpandSeconds);
        text.AppendLine(CultureInfo.InvariantCulture, $"| 1 | Audience expanded into delivery rows ({r0.Subscribers:N0} rows: due broadcast row → clock tick committed) | < 2 s | {string.Join(" / ", runs.Select(r => $"{r.ExpandSeconds:0.000} s"))} ({string.Join(" / ", runs.Select(r => r.Scenario))}) | **{Verdict(expansion < 2)}** | {Cmd(null)} |");
        if (runs.FirstOrDefault(r => r.Scenario == "limit30") is { } limit)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| 2 | Fake enforcing 30 messages/s (429 beyond), bot at 30/s | ≥ {0.97 * 30:0.0}/s (97 %) over 2 min, zero 429s | {limit.Rate:0.00}/s over {limit.WindowSeconds:0} s ({limit.Rate / 30:P1}); {limit.RateLimited} × 429; busiest rolling second {limit.BusiestSecond} | **{Verdict(limit.Rate >= 0.97 * 30 && limit.RateLimited == 0)}**{Short(limit, 120)} | {Cmd("limit30")} |");
        }

        if (runs.FirstOrDefault(r => r.Scenario == "paid1000") is { } paid)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| 3 | Fake enforcing 1,000 messages/s, bot in paid broadcast mode | ≥ 950/s | {paid.Rate:N0}/s over {paid.WindowSeconds:0} s; {paid.RateLimited} × 429 | **{Verdict(paid.Rate >= 950)}** | {Cmd("paid1000")} |");
        }

        if (runs.FirstOrDefault(r => r.Scenario == "unlimited") is { } open)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| 4 | Fake without limit: the dispatcher's own ceiling | ≥ 5,000/s on 2 cores | {open.Rate:N0}/s over {open.WindowSeconds:0} s ({open.CpuCoresUsed:0.00} cores busy) | **{Verdict(open.Rate >= 5000)}** | {Cmd("unlimited")} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| 4′ | Peak memory while sending at that ceiling (whole process: bot, fake Bot API, load generator) | < 300 MB | {open.SampledPeakWorkingSetMb:N0} MB working set sampled every 100 ms ({open.ProcessPeakWorkingSetMb:N0} MB process peak incl. start-up and seeding) | **{Verdict(open.SampledPeakWorkingSetMb < 300)}** | {Cmd("unlimited")} |");
        }

        if (runs.FirstOrDefault(r => r.Scenario == "limit30") is { } probed && probed.ProbesSent > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| 5 | A reply to a resident while the broadcast runs at 30/s (handed out by getUpdates → reply at the fake) | < 1 s | p50 {Distribution.Ms(probed.ProbeP50Ms)} ms, max {Distribution.Ms(probed.ProbeMaxMs)} ms ({probed.ProbesAnswered} of {probed.ProbesSent} answered) | **{Verdict(probed.ProbesAnswered == probed.ProbesSent && probed.ProbeMaxMs < 1000)}** | {Cmd("limit30")} |");
        }

        text.AppendLine();
        // Who sent what only says something with several instances.
        var byInstance = BenchInstances.Given ? " Sent by each instance |" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"| Scenario | Seeding | Expansion (wall / CPU) | Lease query over the queue | Delivered (whole run) | Window | In window | Slowest / fastest second | Busiest rolling second |{byInstance} 429s | Duplicates | Working set peak (sampled / process) | CPU busy in window | Load before → after |");
        text.AppendLine(CultureInfo.InvariantCulture, $"|---|---:|---:|---:|---:|---:|---:|---:|---:|{(BenchInstances.Given ? "---:|" : "")}---:|---:|---:|---:|---|");
        foreach (var r in runs)
        {
            var sent = BenchInstances.Given ? $" {r.SentByInstance} |" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Scenario} | {r.SeedSeconds:0.00} s | {r.ExpandSeconds:0.00} / {r.ExpandCpuSeconds:0.00} s | {r.LeaseQueryMs:0.0} ms | {r.Delivered:N0} | {r.WindowSeconds:0.0} s | {r.DeliveredInWindow:N0} | {r.SlowestSecond:N0} / {r.FastestSecond:N0} | {r.BusiestSecond:N0} |{sent} {r.RateLimited} | {r.Duplicates} | {r.SampledPeakWorkingSetMb:N0} / {r.ProcessPeakWorkingSetMb:N0} MB | {r.CpuCoresUsed:0.00} cores | {r.LoadBefore} → {r.LoadAfter} |");
        }

        return text.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "missed";

    private static string Short(BroadcastResult r, double wanted) =>
        r.WindowSeconds + 1 < wanted ? $" (window {r.WindowSeconds:0} s, shorter than the {wanted:0} s the target asks: a smoke run, not conclusive)" : "";

    private static bool Loaded(string load) =>
        double.TryParse(load.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var one) && one > 1.0;

    private static void Row(StringBuilder text, int run, string measure, Distribution d) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {run} | {measure} | {d.Count:N0} | {Distribution.Ms(d.P50)} ms | {Distribution.Ms(d.P95)} ms | {Distribution.Ms(d.P99)} ms | {Distribution.Ms(d.Max)} ms |");

    private static void Header(StringBuilder text, string title, Machine machine, string command, string instances = "")
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"### {title}{BenchDatabase.TitleSuffix}{instances} — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.ToMarkdown()}");
        text.AppendLine();
    }
}
