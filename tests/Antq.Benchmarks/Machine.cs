using System.Runtime;
using System.Runtime.InteropServices;

namespace Antq.Benchmarks;

internal sealed record Machine(string Cpu, int Cores, string Os, string Runtime, string Gc)
{
    public static Machine Describe()
    {
        var cpu = "unknown";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
            // Not Linux: the model stays unknown.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }

        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        return new Machine(cpu, Environment.ProcessorCount, RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture, RuntimeInformation.FrameworkDescription, gc);
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), e.g. "3.10 2.75 2.01"; "n/a" elsewhere.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    public string ToText() => $"CPU: {Cpu}\nCores: {Cores}\nOS: {Os}\n.NET: {Runtime} ({Gc})";

    public string ToMarkdown() => $"{Cpu}, {Cores} cores; {Os}; {Runtime} ({Gc})";
}
