namespace Antq.Core.Conversations;

/// <summary>One step of a <see cref="StepTable{TDraft}"/>: its handler, its question and the step before it.</summary>
public sealed record StepDefinition<TDraft>(
    Func<FlowContext, TDraft, StepResult> Handle,
    Func<FlowContext, TDraft, OutgoingMessage> Prompt,
    Func<FlowContext, TDraft, string?>? Back);
