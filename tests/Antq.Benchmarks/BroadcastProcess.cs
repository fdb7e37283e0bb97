using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Antq.Benchmarks;

/// <summary>
/// Runs each broadcast scenario in a child process of this same program, so the peak working set it reports is
/// that scenario's alone (seeding and earlier scenarios do not count) and every scenario starts cold and clean.
/// </summary>
internal static class BroadcastProcess
{
    public const string ChildMode = "broadcast-scenario";
    private const string ResultPrefix = "RESULT ";
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static async Task<BroadcastResult?> RunAsync(BroadcastScenario scenario, int subscribers, int skip, int seconds, TextWriter log)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(BroadcastProcess).Assembly.Location);
        }

        foreach (var arg in new[] { ChildMode, scenario.Name, "--subscribers", Text(subscribers), "--skip", Text(skip), "--seconds", Text(seconds) })
        {
            start.ArgumentList.Add(arg);
        }

        if (BenchDatabase.OnPostgres)
        {
            start.ArgumentList.Add(BenchDatabase.Flag);
        }

        if (BenchInstances.Given)
        {
            start.ArgumentList.Add(BenchInstances.Flag);
            start.ArgumentList.Add(Text(BenchInstances.Count));
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + self);
        BroadcastResult? result = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = JsonSerializer.Deserialize<BroadcastResult>(line[ResultPrefix.Length..], Json);
            }
            else
            {
                log.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? result : null;
    }

    public static async Task<int> RunChildAsync(string[] args)
    {
        var name = args.SkipWhile(a => a != ChildMode).Skip(1).FirstOrDefault();
        var scenario = BroadcastScenario.All.FirstOrDefault(s => s.Name == name);
        if (scenario is null)
        {
            await Console.Error.WriteLineAsync($"unknown scenario {name}; one of {string.Join(", ", BroadcastScenario.All.Select(s => s.Name))}");
            return 2;
        }

        var result = await BroadcastDelivery.RunAsync(
            scenario,
            Option(args, "--subscribers", 175_726),
            TimeSpan.FromSeconds(Option(args, "--skip", 5)),
            TimeSpan.FromSeconds(Option(args, "--seconds", 120)),
            Console.Out);
        Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json));
        return 0;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
