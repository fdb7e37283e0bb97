using Antq.Core.Residents;

namespace Antq.Core.Conversations;

/// <summary>The ways a turn can end, shared by the router and the features' routes.</summary>
public static class Turns
{
    public static Turn StartFlow(IFlow flow, FlowContext context) => FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty }));

    public static Turn FromStep(IFlow flow, StepResult result) => result.Outcome == StepOutcome.Done
        ? new Turn { Messages = result.Messages, Changes = result.Changes, Language = result.Language }
        : new Turn
        {
            Flow = flow.Name,
            Step = result.Step,
            Data = result.Data,
            FlowVersion = flow.Version,
            Messages = result.Messages,
            Changes = result.Changes,
            Language = result.Language,
        };

    /// <summary>A feature that needs a signed-up resident starts onboarding first.</summary>
    public static Turn NeedsOnboarding(FlowCatalog flows, FlowContext context)
    {
        var start = StartFlow(flows[OnboardingFlow.FlowName], context);
        return start with { Messages = [context.Say("onboarding.needed"), .. start.Messages] };
    }

    /// <summary>Leaves any flow and shows the main menu (with a lead sentence).</summary>
    public static Turn Home(FlowContext context, string? leadKey, params DomainChange[] changes) =>
        new() { Messages = [MainMenu.Render(context, leadKey)], Changes = changes };

    /// <summary>The chat stays where it was: say why (if anything) and ask the current step again.</summary>
    public static Turn Unchanged(FlowContext context, IFlow? flow, string? reason, params OutgoingMessage[] extra) =>
        Unchanged(context, flow, reason, [], extra);

    public static Turn Unchanged(FlowContext context, IFlow? flow, string? reason, IReadOnlyList<DomainChange> changes, params OutgoingMessage[] extra)
    {
        var messages = new List<OutgoingMessage>(extra);
        if (reason is not null)
        {
            messages.Add(new OutgoingMessage { Text = reason });
        }

        if (flow is not null)
        {
            messages.AddRange(flow.Prompt(context));
        }
        else if (context.Resident is { HasConsented: true })
        {
            messages.Add(MainMenu.Render(context));
        }
        else if (messages.Count == extra.Length)
        {
            messages.Add(MainMenu.StartHint(context, "onboarding.needed"));
        }

        return new Turn { StateChanged = false, Messages = messages, Changes = changes };
    }
}
