using System.Globalization;
using System.Text;

namespace Antq.Benchmarks;

/// <summary>The console benchmark's block of docs/benchmarks.md.</summary>
internal static class ConsoleBenchSection
{
    public static string Render(ConsoleResult result, Machine machine, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Officer console — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: `{command}`  ");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.ToMarkdown()}; load average before {result.LoadBefore}, after {result.LoadAfter} (1, 5, 15 min).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{result.Tips:N0} tips over three years in the shipped city's wards (config/areas.json), three officers each and an admin; {string.Join("; ", result.Generation)}. Each case runs once to warm the cache and the JIT, then is timed; a queue read is the page's rows, the counts by status and the total (`TipQueue.ReadAsync`), a tip page is `TipDetails.ReadAsync`.");
        text.AppendLine();
        text.AppendLine("| Database | Read | Rows (of) | Runs | Best | Median | Target |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var t in result.Timings)
        {
            var met = t.Median < t.Target ? "met" : "**missed**";
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Provider} | {t.What} | {t.Rows} ({t.Total:N0}) | {t.Runs.Count} | {t.Best.TotalMilliseconds:N1} ms | {t.Median.TotalMilliseconds:N1} ms | < {t.Target.TotalMilliseconds:N0} ms — {met} |");
        }

        return text.ToString();
    }
}
