namespace Antq.Core.Conversations;

/// <summary>What a flow step decided: where the chat goes next, what to say, what to change.</summary>
public sealed record StepResult
{
    public required StepOutcome Outcome { get; init; }

    public string? Step { get; init; }

    public FlowData Data { get; init; } = FlowData.Empty;

    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];

    public IReadOnlyList<DomainChange> Changes { get; init; } = [];

    /// <summary>For <see cref="StepOutcome.Invalid"/>: the explanation shown before the step is asked again.</summary>
    public string? Reason { get; init; }

    /// <summary>The chat's language from now on, when the step changed it.</summary>
    public string? Language { get; init; }

    public static StepResult Continue(string step, FlowData data, params OutgoingMessage[] messages) =>
        new() { Outcome = StepOutcome.Continue, Step = step, Data = data, Messages = messages };

    public static StepResult Done(params OutgoingMessage[] messages) =>
        new() { Outcome = StepOutcome.Done, Messages = messages };

    public static StepResult Invalid(string reason) => new() { Outcome = StepOutcome.Invalid, Reason = reason };

    public StepResult With(params DomainChange[] changes) => this with { Changes = [.. Changes, .. changes] };
}
