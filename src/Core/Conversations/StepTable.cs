namespace Antq.Core.Conversations;

/// <summary>
/// A flow's steps, each declared once — how it reads the input, what it asks, and which step "« Back" returns to —
/// instead of three parallel switches (handle, back, prompt) that must be kept in line by hand. The first step
/// added is asked when the step is unknown.
/// </summary>
public sealed class StepTable<TDraft>
{
    private readonly Dictionary<string, StepDefinition<TDraft>> _steps = new(StringComparer.Ordinal);
    private string? _first;

    /// <summary>Declares a step; <paramref name="back"/> names the step before it (null or absent: nothing to go back to).</summary>
    public StepTable<TDraft> Add(
        string name,
        Func<FlowContext, TDraft, StepResult> handle,
        Func<FlowContext, TDraft, OutgoingMessage> prompt,
        Func<FlowContext, TDraft, string?>? back = null) =>
        AddAsking(name, handle, (c, d) => [prompt(c, d)], back);

    /// <summary>Declares a step whose question is several messages (a preview with its photos, then its buttons).</summary>
    public StepTable<TDraft> AddAsking(
        string name,
        Func<FlowContext, TDraft, StepResult> handle,
        Func<FlowContext, TDraft, IReadOnlyList<OutgoingMessage>> prompts,
        Func<FlowContext, TDraft, string?>? back = null)
    {
        _steps.Add(name, new StepDefinition<TDraft>(handle, prompts, back));
        _first ??= name;
        return this;
    }

    /// <summary>
    /// Runs the chat's step on its input: "« Back" goes (with <paramref name="go"/>, the draft kept) to the step its
    /// declaration names, anything else is the step's own handler. Null when the chat's step is not in the table.
    /// </summary>
    public StepResult? Handle(FlowContext context, TDraft draft, Func<string, StepResult> go)
    {
        if (context.Step is null || !_steps.TryGetValue(context.Step, out var step))
        {
            return null;
        }

        return Navigation.IsBack(context) && step.Back?.Invoke(context, draft) is { } previous
            ? go(previous)
            : step.Handle(context, draft);
    }

    /// <summary>The question of <paramref name="step"/> (of the first step when it is unknown), for a step that asks with one message.</summary>
    public OutgoingMessage Prompt(FlowContext context, string? step, TDraft draft) =>
        Prompts(context, step, draft) is [var only] ? only : throw new InvalidOperationException($"Step '{step}' asks with more than one message; use Prompts.");

    /// <summary>All the messages that ask <paramref name="step"/> (the first step's when it is unknown).</summary>
    public IReadOnlyList<OutgoingMessage> Prompts(FlowContext context, string? step, TDraft draft) =>
        (step is not null && _steps.TryGetValue(step, out var found) ? found : _steps[_first!]).Prompts(context, draft);
}
