using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Antq.Benchmarks;

/// <summary>Counts methods the JIT compiles while on (ANTQ_BENCH_JIT=1): a method compiled again and again in a steady state is a leak of dynamic code.</summary>
internal sealed class JitWatch : EventListener
{
    private readonly ConcurrentDictionary<string, int> _methods = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public IEnumerable<(string Method, int Count)> Top(int n) => _methods.OrderByDescending(m => m.Value).Take(n).Select(m => (m.Key, m.Value));

    public int Total => _methods.Values.Sum();

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is not "MethodJittingStarted_V1" || e.Payload is null)
        {
            return;
        }

        var ns = e.PayloadNames!.IndexOf("MethodNamespace") is var i and >= 0 ? e.Payload[i] as string : "";
        var name = e.PayloadNames!.IndexOf("MethodName") is var j and >= 0 ? e.Payload[j] as string : "";
        _methods.AddOrUpdate(ns + "::" + name, 1, (_, c) => c + 1);
    }
}
