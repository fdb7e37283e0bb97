using System.Diagnostics.Metrics;

namespace Antq.Core.Diagnostics;

/// <summary>The service's counters (System.Diagnostics.Metrics), exported at /metrics.</summary>
public sealed class AntqMetrics : IDisposable
{
    public const string MeterName = "Antq";

    private readonly Meter _meter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _handled;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _handleSeconds;
    private IReadOnlyList<Measurement<long>> _queueDepth = [];

    public AntqMetrics(Storage.WriteGate writeGate, Storage.GroupWriter writer)
    {
        _meter = new Meter(MeterName);
        _received = _meter.CreateCounter<long>("antq_updates_received", description: "Updates received from channels and stored");
        _handled = _meter.CreateCounter<long>("antq_updates_handled", description: "Updates handled by the conversation engine, by outcome");
        _sent = _meter.CreateCounter<long>("antq_messages_sent", description: "Outgoing messages by channel and outcome");
        _rateLimited = _meter.CreateCounter<long>("antq_rate_limited", description: "429 answers from a channel");
        _handleSeconds = _meter.CreateHistogram<double>("antq_update_handle_seconds", unit: "s", description: "From update stored to reply queued");
        _meter.CreateObservableCounter("antq_write_gate_held_seconds", () => writeGate.HeldSeconds, unit: "s", description: "Time the database's single writer was busy");
        _meter.CreateObservableCounter("antq_write_gate_waited_seconds", () => writeGate.WaitedSeconds, unit: "s", description: "Time writers spent waiting for the database's single writer, summed");
        _meter.CreateObservableCounter("antq_write_gate_long_holds", () => writeGate.LongHolds().Select(h => new Measurement<long>(h.Value.Count, new KeyValuePair<string, object?>("holder", h.Key))), description: $"Holds of the single writer longer than {Storage.WriteGate.LongHold.TotalMilliseconds} ms, by holder");
        _meter.CreateObservableCounter("antq_writer_unit_seconds", () => writer.Breakdown().Units.Select(u => new Measurement<double>(u.Seconds, new KeyValuePair<string, object?>("origin", u.Origin))), unit: "s", description: "Time the single writer spent on each kind of unit of work, inside its group transaction");
        _meter.CreateObservableCounter("antq_writer_units", () => writer.Breakdown().Units.Select(u => new Measurement<long>(u.Count, new KeyValuePair<string, object?>("origin", u.Origin))), description: "Units of work the single writer ran, by kind");
        _meter.CreateObservableCounter("antq_writer_commit_seconds", () => writer.Breakdown().CommitSeconds, unit: "s", description: "Time the single writer spent committing its group transactions");
        _meter.CreateObservableGauge("antq_outbox_queue_depth", () => Volatile.Read(ref _queueDepth), description: "Outgoing messages waiting to be sent (queued or in flight), by channel and kind");
    }

    /// <summary>This instance's meter: several hosts in one process (tests) each export only their own.</summary>
    public Meter Meter => _meter;

    public void Received(string channel, int count = 1) => _received.Add(count, new KeyValuePair<string, object?>("channel", channel));

    public void Handled(string channel, string outcome, TimeSpan sinceReceived)
    {
        _handled.Add(1, new("channel", channel), new("outcome", outcome));
        _handleSeconds.Record(sinceReceived.TotalSeconds, new KeyValuePair<string, object?>("channel", channel));
    }

    public void Sent(string channel, string outcome, int count = 1) => _sent.Add(count, new("channel", channel), new("outcome", outcome));

    public void RateLimited(string channel) => _rateLimited.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>The outbox's waiting rows, every channel and kind (zeros included, so that an emptied one reads 0).</summary>
    public void QueueDepth(IEnumerable<(string Channel, string Kind, long Count)> depth) =>
        Volatile.Write(ref _queueDepth, [.. depth.Select(d => new Measurement<long>(d.Count, new("channel", d.Channel), new("kind", d.Kind)))]);

    public void Dispose() => _meter.Dispose();
}
