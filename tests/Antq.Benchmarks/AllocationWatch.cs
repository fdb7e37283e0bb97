using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Antq.Benchmarks;

/// <summary>
/// Samples allocations by type while on (ANTQ_BENCH_ALLOC=1): the runtime reports a type about every 100 KB
/// allocated, so the counts are proportional to the bytes each type takes.
/// </summary>
internal sealed class AllocationWatch : EventListener
{
    private readonly ConcurrentDictionary<string, long> _types = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public IEnumerable<(string Type, long Bytes)> Top(int n) => _types.OrderByDescending(m => m.Value).Take(n).Select(m => (m.Key, m.Value));

    public long Total => _types.Values.Sum();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
        var bytes = e.PayloadNames!.IndexOf("AllocationAmount64") is var j and >= 0 ? Convert.ToInt64(e.Payload[j], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _types.AddOrUpdate(type, bytes, (_, c) => c + bytes);
    }
}
