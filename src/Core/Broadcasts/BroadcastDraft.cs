using System.Text.Json;
using Antq.Core.Conversations;

namespace Antq.Core.Broadcasts;

/// <summary>A broadcast being composed, kept in the flow's data.</summary>
public sealed record BroadcastDraft
{
    /// <summary>A photo's caption holds at most this many characters on Telegram; every way to broadcast refuses more.</summary>
    public const int MaxCaptionLength = 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Text { get; init; }

    public string? PhotoFileId { get; init; }

    /// <summary>
    /// Whose file <see cref="PhotoFileId"/> is: null for the officer's own channel (a photo sent in the chat), or
    /// <see cref="ConsolePhotoFiles.ChannelName"/> for a photo uploaded in the web console.
    /// </summary>
    public string? PhotoChannel { get; init; }

    public BroadcastTopic? Topic { get; init; }

    /// <summary>Chosen wards; empty with <see cref="WholeCity"/> for everyone.</summary>
    public IReadOnlyList<string> Wards { get; init; } = [];

    public bool WholeCity { get; init; }

    /// <summary>Chosen units of the one chosen ward; empty for the whole ward.</summary>
    public IReadOnlyList<string> Units { get; init; } = [];

    /// <summary>"vi" or "en" to reach only that language; null for everyone.</summary>
    public string? Language { get; init; }

    /// <summary>UTC; null for "now".</summary>
    public DateTime? At { get; init; }

    public Recurrence Recurrence { get; init; }

    /// <summary>Weekly on these days (bits of <see cref="DayOfWeek"/>).</summary>
    public int Weekdays { get; init; }

    /// <summary>Whom it would reach, once the topic is chosen.</summary>
    public AudienceFilter? Audience =>
        Topic is { } topic ? new(BroadcastTopics.Followers(topic), WholeCity ? [] : Wards, Units, Language) : null;

    public static BroadcastDraft From(FlowData data) =>
        data["broadcast"] is { } json ? JsonSerializer.Deserialize<BroadcastDraft>(json, Json) ?? new() : new();

    public FlowData Into(FlowData data) => data.With("broadcast", JsonSerializer.Serialize(this, Json));
}
