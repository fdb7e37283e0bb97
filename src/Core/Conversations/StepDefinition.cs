namespace Antq.Core.Conversations;

/// <summary>
/// One step of a <see cref="StepTable{TDraft}"/>: its handler, its question (one message or more — a preview may
/// come as an album, then its buttons) and the step before it.
/// </summary>
public sealed record StepDefinition<TDraft>(
    Func<FlowContext, TDraft, StepResult> Handle,
    Func<FlowContext, TDraft, IReadOnlyList<OutgoingMessage>> Prompts,
    Func<FlowContext, TDraft, string?>? Back);
