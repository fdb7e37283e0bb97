using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Antq.Core.Diagnostics;

namespace Antq.Bot.Operations;

/// <summary>
/// Listens to the service's meter and renders its instruments in Prometheus text format: counters (observed ones
/// too, whose callback gives the running total) as <c>_total</c>, gauges as they are, histograms as count and sum.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Suffix, string Labels), double> _values = new();
    private readonly ConcurrentDictionary<string, (string Kind, string? Help)> _instruments = new();

    public PrometheusExporter(AntqMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (!ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                return;
            }

            var kind = instrument switch
            {
                Counter<long> or ObservableCounter<long> or ObservableCounter<double> => "counter",
                Histogram<double> => "histogram",
                _ => "gauge",
            };
            _instruments[instrument.Name] = (kind, instrument.Description);
            listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var (name, (kind, help)) in _instruments.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            var exposed = kind == "counter" ? name + "_total" : name;
            text.Append("# HELP ").Append(exposed).Append(' ').AppendLine(help ?? name);
            text.Append("# TYPE ").Append(exposed).Append(' ').AppendLine(kind == "histogram" ? "summary" : kind);
            foreach (var ((_, suffix, labels), value) in _values.Where(v => v.Key.Name == name).OrderBy(v => v.Key.Suffix + v.Key.Labels, StringComparer.Ordinal))
            {
                text.Append(exposed).Append(suffix).Append(labels).Append(' ')
                    .AppendLine(value.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        switch (instrument)
        {
            case Histogram<double>:
                _values.AddOrUpdate((instrument.Name, "_count", labels), 1, (_, v) => v + 1);
                _values.AddOrUpdate((instrument.Name, "_sum", labels), value, (_, v) => v + value);
                break;
            case Counter<long>:
                _values.AddOrUpdate((instrument.Name, "", labels), value, (_, v) => v + value);
                break;
            default:
                _values[(instrument.Name, "", labels)] = value;
                break;
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
        {
            return "";
        }

        var parts = new List<string>(tags.Length);
        foreach (var tag in tags)
        {
            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            parts.Add($"{tag.Key}=\"{value}\"");
        }

        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(',', parts) + "}";
    }
}
