using System.Collections.Immutable;
using System.Text.Json;

namespace Antq.Core.Conversations;

/// <summary>What a flow collected so far: an immutable map of strings, stored as a JSON object.</summary>
public sealed class FlowData
{
    public static readonly FlowData Empty = new(ImmutableSortedDictionary<string, string>.Empty);

    private readonly ImmutableSortedDictionary<string, string> _values;

    private FlowData(ImmutableSortedDictionary<string, string> values) => _values = values;

    public string? this[string key] => _values.GetValueOrDefault(key);

    public FlowData With(string key, string? value) =>
        new(value is null ? _values.Remove(key) : _values.SetItem(key, value));

    public int GetInt(string key, int fallback = 0) => int.TryParse(this[key], out var v) ? v : fallback;

    public string ToJson() => JsonSerializer.Serialize(_values);

    public static FlowData FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Empty;
        }

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
        return new FlowData(values.ToImmutableSortedDictionary());
    }
}
