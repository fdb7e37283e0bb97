namespace Antq.Core.Conversations;

/// <summary>The outcome of routing one input: the chat's next state, what to say and what to change.</summary>
public sealed record Turn
{
    public string? Flow { get; init; }

    public string? Step { get; init; }

    public FlowData Data { get; init; } = FlowData.Empty;

    public int FlowVersion { get; init; }

    /// <summary>The chat's language from now on, when it changed.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];

    public IReadOnlyList<DomainChange> Changes { get; init; } = [];

    /// <summary>False when the chat stays exactly where it was (bad input, /help): its state is not written.</summary>
    public bool StateChanged { get; init; } = true;

    /// <summary>The answer is only "I did not understand" (with the menu): said once for a string of such inputs.</summary>
    public bool NotUnderstood { get; init; }
}
