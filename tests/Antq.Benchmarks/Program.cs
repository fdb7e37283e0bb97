using System.Globalization;
using Antq.Benchmarks;

// dotnet run -c Release --project tests/Antq.Benchmarks -- [saturation|latency|broadcast|report|renewals|all] [--runs N] [--residents N] [--rate N] [--seconds N] [--warmup N] [--no-write] [--postgres]
//   --postgres: on a throwaway PostgreSQL server of the run's own (saturation, latency, broadcast, report)
//   --instances 1|2: with --postgres, saturation or broadcast on that many instances sharing the database; saturation
//     then posts to the webhooks (both counts, so one and two compare on the same footing), broadcast polls as before
//   broadcast: [--subscribers 175726] [--seconds 120] [--skip 5] [--only limit30,paid1000,unlimited]
//   report: [--scale X] (generates a province and times the summary report; not part of "all": it takes a quarter of an hour)
//   console: [--tips 100000] [--postgres] (the officer console's queue and tip page; not part of "all")
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchDatabase.OnPostgres = args.Contains(BenchDatabase.Flag);
var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "all";
if (BenchInstances.Read(args, mode == BroadcastProcess.ChildMode ? "broadcast" : mode) is { } wrong)
{
    Console.Error.WriteLine(wrong);
    return 2;
}

if (mode == BroadcastProcess.ChildMode)
{
    // One broadcast scenario in a process of its own (started by the broadcast mode below).
    return await BroadcastProcess.RunChildAsync(args);
}

if (mode is not ("saturation" or "latency" or "broadcast" or "report" or "renewals" or "console" or "all"))
{
    Console.Error.WriteLine("usage: Antq.Benchmarks [saturation|latency|broadcast|report|renewals|console|all] [--runs N] [--residents N] [--rate N] [--seconds N] [--warmup N] [--no-write] [--postgres] [--instances 1|2]");
    Console.Error.WriteLine("       broadcast: [--subscribers 175726] [--seconds 120] [--skip 5] [--only limit30,paid1000,unlimited]");
    Console.Error.WriteLine("       report: [--scale X]");
    Console.Error.WriteLine("       console: [--tips 100000] [--postgres]");
    return 2;
}

var runs = Option("--runs", 2);
var residents = Option("--residents", 1000);
var rate = Option("--rate", 500);
var seconds = Option("--seconds", 20);
// 4,000 residents (28,000 updates) before measuring: with 1,000 the JIT was still tiering up some 5,000 methods during the measured loop.
var warmUp = Option("--warmup", 4000);
var write = !args.Contains("--no-write");

var machine = Machine.Describe();
var command = "dotnet run -c Release --project tests/Antq.Benchmarks -- " + string.Join(' ', args.DefaultIfEmpty("all"));
Console.WriteLine(machine.ToText());
Console.WriteLine();

var log = Console.Out;
if (mode is "saturation" or "all")
{
    var results = new List<SaturationResult>();
    for (var run = 1; run <= runs; run++)
    {
        log.WriteLine($"Saturation run {run}/{runs}");
        var result = await Saturation.RunAsync(residents, warmUp, log);
        results.Add(result);
        log.WriteLine($"  {result.Handled} updates handled in {result.DbSpan.TotalSeconds:0.00} s (first received → last reply queued): {result.DbRate:0} updates/s");
        log.WriteLine($"  CPU: {result.CpuMsPerUpdate:0.000} ms per update (whole process), enough for {2000 / result.CpuMsPerUpdate:0} updates/s on 2 cores; write gate held {result.GateMsPerUpdate:0.000} ms per update ({result.GateBusy:P0} of the time)");
        log.WriteLine($"  end to end at the fake: {result.Updates} updates in {result.EndToEndSpan.TotalSeconds:0.00} s: {result.EndToEndRate:0} updates/s, {result.Replies} replies");
        log.WriteLine($"  received → queued: {result.HandleLatency}");
        log.WriteLine();
    }

    if (write)
    {
        Report.Write("saturation", Report.Saturation(results, warmUp, machine, command));
    }
}

if (mode is "latency" or "all")
{
    var results = new List<LatencyResult>();
    for (var run = 1; run <= runs; run++)
    {
        log.WriteLine($"Latency run {run}/{runs}");
        var result = await Latency.RunAsync(residents, rate, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(seconds), warmUp, log);
        results.Add(result);
        log.WriteLine($"  offered {result.OfferedRate:0}/s, achieved {result.AchievedRate:0.0}/s over {result.Measured.TotalSeconds:0.0} s, {result.Updates} updates measured, {result.MissingReplies} replies missing");
        log.WriteLine($"  (1) received → reply queued (DB):   {result.ReceivedToQueued}");
        log.WriteLine($"  (2) handed out → first reply at API: {result.HandedOutToFirstReply}");
        log.WriteLine($"      handed out → last reply at API:  {result.HandedOutToLastReply}");
        log.WriteLine($"      offered → handed out (polling):  {result.QueuedToHandedOut}");
        log.WriteLine($"  stalls: {result.Stalls}");
        log.WriteLine($"  by step (p99 received → queued; the writer's busy share while it was offered): {result.ByStep}");
        log.WriteLine();
    }

    if (write)
    {
        Report.Write("latency", Report.Latency(results, machine, command));
    }
}

if (mode is "broadcast" or "all")
{
    var subscribers = Option("--subscribers", 175_726);
    var broadcastSeconds = Option("--seconds", 120);
    var skip = Option("--skip", 5);
    var onlyIndex = Array.IndexOf(args, "--only");
    var only = onlyIndex >= 0 && onlyIndex + 1 < args.Length ? args[onlyIndex + 1].Split(',') : null;
    var scenarios = BroadcastScenario.All.Where(s => only is null || only.Contains(s.Name)).ToList();
    var loadBefore = Machine.LoadAverage();
    log.WriteLine($"Broadcast: {subscribers:N0} subscribers, {skip} s skipped, {broadcastSeconds} s measured; load average {loadBefore}");
    var results = new List<BroadcastResult>();
    foreach (var scenario in scenarios)
    {
        log.WriteLine($"Broadcast scenario {scenario.Name}: {scenario.Title}");
        var result = await BroadcastProcess.RunAsync(scenario, subscribers, skip, broadcastSeconds, log);
        if (result is null)
        {
            log.WriteLine("  FAILED: no result");
            return 1;
        }

        results.Add(result);
        log.WriteLine($"  expansion {result.ExpandSeconds:0.000} s; {result.Rate:0.0} messages/s over {result.WindowSeconds:0.0} s (seconds {result.SlowestSecond:0}–{result.FastestSecond:0}); 429s {result.RateLimited}; duplicates {result.Duplicates}; busiest rolling second {result.BusiestSecond} (fake's stamps)");
        if (BenchInstances.Given)
        {
            log.WriteLine($"  sent by each instance: {result.SentByInstance}");
        }
        log.WriteLine($"  peak working set {result.SampledPeakWorkingSetMb:0} MB sampled while sending ({result.ProcessPeakWorkingSetMb:0} MB process peak); CPU {result.CpuCoresUsed:0.00} cores");
        if (result.ProbesSent > 0)
        {
            log.WriteLine($"  replies during the broadcast: {result.ProbesAnswered}/{result.ProbesSent}, p50 {Distribution.Ms(result.ProbeP50Ms)} ms, max {Distribution.Ms(result.ProbeMaxMs)} ms");
        }

        log.WriteLine();
    }

    var loadAfter = Machine.LoadAverage();
    log.WriteLine($"load average before {loadBefore}, after {loadAfter}");
    if (write && results.Count > 0)
    {
        Report.Write("broadcast", Report.Broadcast(results, machine, command, loadBefore, loadAfter, broadcastSeconds));
    }
}

if (mode is "renewals")
{
    var scale = args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault() is { } x && double.TryParse(x, CultureInfo.InvariantCulture, out var s) ? s : 0.1;
    await RenewalBench.RunAsync(scale, Math.Max(runs, 3), log);
}

if (mode is "report")
{
    var scale = args.SkipWhile(a => a != "--scale").Skip(1).FirstOrDefault() is { } x && double.TryParse(x, CultureInfo.InvariantCulture, out var s) ? s : 1.0;
    var result = await ReportBench.RunAsync(scale, Math.Max(runs, 3), log);
    if (write)
    {
        Report.Write("report", SummaryReportSection.Render(result, machine, command));
    }
}

if (mode is "console")
{
    var result = await ConsoleBench.RunAsync(Option("--tips", 100_000), Math.Max(runs, 5), args.Contains("--postgres"), log);
    if (write)
    {
        Report.Write("console", ConsoleBenchSection.Render(result, machine, command));
    }
}

return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
