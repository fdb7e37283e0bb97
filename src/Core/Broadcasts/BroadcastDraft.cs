using System.Text.Json;
using Antq.Core.Conversations;

namespace Antq.Core.Broadcasts;

/// <summary>A broadcast being composed, kept in the flow's data.</summary>
public sealed record BroadcastDraft
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Text { get; init; }

    public string? PhotoFileId { get; init; }

    public BroadcastTopic? Topic { get; init; }

    /// <summary>Chosen wards; empty with <see cref="WholeCity"/> for everyone.</summary>
    public IReadOnlyList<string> Wards { get; init; } = [];

    public bool WholeCity { get; init; }

    /// <summary>UTC; null for "now".</summary>
    public DateTime? At { get; init; }

    public Recurrence Recurrence { get; init; }

    public static BroadcastDraft From(FlowData data) =>
        data["broadcast"] is { } json ? JsonSerializer.Deserialize<BroadcastDraft>(json, Json) ?? new() : new();

    public FlowData Into(FlowData data) => data.With("broadcast", JsonSerializer.Serialize(this, Json));
}
