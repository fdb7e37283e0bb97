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

    public string ToText() => $"CPU: {Cpu}\nCores: {Cores}\nOS: {Os}\n.NET: {Runtime} ({Gc})";

    public string ToMarkdown() => $"{Cpu}, {Cores} cores; {Os}; {Runtime} ({Gc})";
}
