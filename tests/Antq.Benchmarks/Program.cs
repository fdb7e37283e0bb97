using System.Globalization;
using Antq.Benchmarks;

// dotnet run -c Release --project tests/Antq.Benchmarks -- [saturation|latency|all|report] [--runs N] [--residents N] [--rate N] [--seconds N] [--warmup N] [--scale X] [--no-write]
// "all" is saturation and latency; "report" generates a province and times the summary report.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))?.ToLowerInvariant() ?? "all";
if (mode is not ("saturation" or "latency" or "all" or "report"))
{
    Console.Error.WriteLine("usage: Antq.Benchmarks [saturation|latency|all|report] [--runs N] [--residents N] [--rate N] [--seconds N] [--warmup N] [--scale X] [--no-write]");
    return 2;
}

var runs = Option("--runs", 2);
var residents = Option("--residents", 1000);
var rate = Option("--rate", 500);
var seconds = Option("--seconds", 20);
var warmUp = Option("--warmup", 1000);
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
        log.WriteLine();
    }

    if (write)
    {
        Report.Write("latency", Report.Latency(results, machine, command));
    }
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

return 0;

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
