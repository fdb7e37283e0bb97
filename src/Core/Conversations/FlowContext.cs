using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Residents;
using Antq.Core.Texts;

namespace Antq.Core.Conversations;

/// <summary>Everything a flow step may read: the input, the chat's state, the resident, content and the time.</summary>
public sealed record FlowContext
{
    public required InboundMessage Input { get; init; }

    public required string Language { get; init; }

    /// <summary>A snapshot of the stored resident, or null before consent. Flows change it only through <see cref="DomainChange"/>s.</summary>
    public Resident? Resident { get; init; }

    public string? Step { get; init; }

    public FlowData Data { get; init; } = FlowData.Empty;

    public required AreaTree Areas { get; init; }

    public required TextCatalog Texts { get; init; }

    public required DateTime Now { get; init; }

    /// <summary>What the engine loaded for this turn (officer standing, quotas…).</summary>
    public TurnFacts Facts { get; init; } = TurnFacts.None;

    /// <summary>Days the messages between a chat and the bot are kept (<c>Delivery:KeepDays</c>), as /privacy tells.</summary>
    public int MessagesKeptDays { get; init; } = 30;

    /// <summary>What the resident can send on this chat's channel (how to share a place, which files), for prompts that say so.</summary>
    public ChannelInputs Channel { get; init; } = ChannelInputs.Default("");

    /// <summary>When non-urgent broadcasts wait (<c>Delivery:QuietHours</c>; null when off), so a preview says when it will go.</summary>
    public QuietHours? QuietHours { get; init; }

    /// <summary>A sentence in the chat's language.</summary>
    public string T(string key, params object?[] args) => Texts.Get(Language, key, args);

    /// <summary>A plain text message in the chat's language.</summary>
    public OutgoingMessage Say(string key, params object?[] args) => new() { Text = T(key, args) };
}
