namespace Antq.Core.Conversations;

/// <summary>Where one chat stands: the flow and step it is in and what it collected. One row per (channel, chat).</summary>
public sealed class ConversationState
{
    public long Id { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    /// <summary>The flow in progress, or null when the chat is at the main menu.</summary>
    public string? Flow { get; set; }

    public string? Step { get; set; }

    public int FlowVersion { get; set; }

    /// <summary>What the flow collected so far, as a JSON object of strings.</summary>
    public string Data { get; set; } = "{}";

    /// <summary>The chat's language before a resident exists (chosen during onboarding).</summary>
    public string? Language { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: bumped on every save.</summary>
    public int Revision { get; set; }
}
