using System.Diagnostics.Metrics;
using Antq.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Benchmarks;

/// <summary>
/// One of the service's counters (e.g. <c>antq_messages_sent</c> with outcome <c>sent</c>) for each instance apart:
/// several hosts in one process each have a meter of their own (<see cref="AntqMetrics.Meter"/>), so the benchmark can
/// show that every instance did its share.
/// </summary>
internal sealed class InstanceCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Meter[] _meters;
    private readonly long[] _counts;

    public InstanceCounter(BotUnderTest bot, string instrument, string tag, string value)
    {
        _meters = [.. bot.Instances.Select(i => i.Services.GetRequiredService<AntqMetrics>().Meter)];
        _counts = new long[_meters.Length];
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Name == instrument && Array.IndexOf(_meters, published.Meter) >= 0)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<long>((measured, amount, tags, _) =>
        {
            foreach (var pair in tags)
            {
                if (pair.Key == tag && Equals(pair.Value, value))
                {
                    Interlocked.Add(ref _counts[Array.IndexOf(_meters, measured.Meter)], amount);
                    return;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The counts so far, by instance in start order.</summary>
    public IReadOnlyList<long> Counts => [.. _counts.Select((_, i) => Interlocked.Read(ref _counts[i]))];

    public void Dispose() => _listener.Dispose();
}
