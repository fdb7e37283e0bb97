using System.Text.Json;
using Antq.Core.Conversations;

namespace Antq.Core.Events;

/// <summary>An event being created (or moved), kept in the flow's data.</summary>
public sealed record EventDraft
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? WardId { get; init; }

    public string? Place { get; init; }

    public DateTime? StartsAt { get; init; }

    public DateTime? EndsAt { get; init; }

    /// <summary>Minutes before the start when reminders go; null until chosen (the default then).</summary>
    public IReadOnlyList<int>? Reminders { get; init; }

    public static EventDraft From(FlowData data) =>
        data["event"] is { } json ? JsonSerializer.Deserialize<EventDraft>(json, Json) ?? new() : new();

    public FlowData Into(FlowData data) => data.With("event", JsonSerializer.Serialize(this, Json));
}
