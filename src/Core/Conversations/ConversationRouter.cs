using Antq.Core.Residents;

namespace Antq.Core.Conversations;

/// <summary>
/// Decides what one input does to a chat: commands and main-menu buttons work at any step, an idle or
/// outdated flow is closed first, otherwise the flow in progress takes the input. Pure, like the flows.
/// </summary>
public sealed class ConversationRouter(FlowCatalog flows, ConversationOptions options)
{
    public Turn Route(FlowContext context, ConversationState state)
    {
        var input = context.Input;
        if (input.Kind is InboundKind.ChatBlocked or InboundKind.ChatUnblocked)
        {
            var status = input.Kind == InboundKind.ChatBlocked ? ResidentStatus.Blocked : ResidentStatus.Active;
            return new Turn { StateChanged = false, Changes = [new ChangeResidentStatus(status)] };
        }

        // Only someone who can receive messages can write: a resident marked blocked is back.
        DomainChange[] reactivate = context.Resident is { Status: not ResidentStatus.Active } ? [new ChangeResidentStatus(ResidentStatus.Active)] : [];
        var notices = new List<OutgoingMessage>();
        IFlow? flow = null;
        if (state.Flow is not null)
        {
            if (context.Now - state.UpdatedAt > options.IdleTimeout)
            {
                notices.Add(context.Say("conversation.expired"));
            }
            else if (!flows.TryGet(state.Flow, out flow) || flow.Version != state.FlowVersion)
            {
                flow = null;
                notices.Add(context.Say("conversation.outdated"));
            }
        }

        // Closing an idle or outdated flow is itself a change of state.
        var closed = notices.Count > 0;
        context = flow is null ? context with { Step = null, Data = FlowData.Empty } : context with { Step = state.Step, Data = FlowData.FromJson(state.Data) };
        var turn = Command.Parse(input) is { } command
            ? RunCommand(context, command, flow, state)
            : Continue(context, flow);
        return turn with
        {
            Messages = [.. notices, .. turn.Messages],
            Changes = [.. reactivate, .. turn.Changes],
            StateChanged = turn.StateChanged || closed,
        };
    }

    private Turn Continue(FlowContext context, IFlow? flow)
    {
        if (context.Input.Text is { Length: var length } && length > options.MaxTextLength)
        {
            return Unchanged(context, flow, context.T("error.too_long", options.MaxTextLength));
        }

        if (flow is not null)
        {
            var result = flow.Handle(context);
            return result.Outcome == StepOutcome.Invalid
                ? Unchanged(context, flow, result.Reason)
                : FromStep(flow, result);
        }

        var resident = context.Resident;
        if (resident is { HasConsented: true })
        {
            var why = context.Input.Kind == InboundKind.Unsupported ? "error.unsupported" : "menu.not_understood";
            return new Turn { StateChanged = false, Messages = [MainMenu.Render(context, why)] };
        }

        return resident?.ConsentRefusedAt is not null
            ? new Turn { StateChanged = false, Messages = [MainMenu.StartHint(context, "consent.refused_reminder")] }
            : StartFlow(flows[OnboardingFlow.FlowName], context);
    }

    private Turn RunCommand(FlowContext context, Command command, IFlow? flow, ConversationState state)
    {
        var consented = context.Resident is { HasConsented: true };
        switch (command.Name)
        {
            case "start":
                return consented
                    ? Home(context, "menu.welcome_back")
                    : StartFlow(flows[OnboardingFlow.FlowName], context);
            case "menu" or "home":
                return consented ? Home(context, null) : StartFlow(flows[OnboardingFlow.FlowName], context);
            case "help":
                return Unchanged(context, flow, context.T("help.text"));
            case "cancel":
                if (flow is null)
                {
                    return consented ? Home(context, "cancel.nothing") : new Turn { StateChanged = state.Flow is not null, Messages = [MainMenu.StartHint(context, "cancel.nothing_newcomer")] };
                }

                return consented ? Home(context, "cancel.done") : new Turn { Messages = [MainMenu.StartHint(context, "cancel.done_newcomer")] };
            case "settings":
                return consented ? StartFlow(flows[SettingsFlow.FlowName], context) : NeedsOnboarding(context);
            case "privacy":
                return Unchanged(context, flow, null, ResidentDescription.Privacy(context));
            case "delete_me" or "deleteme" or "erase":
                return context.Resident is null
                    ? Unchanged(context, flow, context.T("privacy.nothing"))
                    : StartFlow(flows[EraseFlow.FlowName], context);
            case "tip" or "pledge" or "events":
                return consented ? Home(context, $"menu.{command.Name}_soon") : NeedsOnboarding(context);
            default:
                var shown = command.Name.Length > Command.MaxNameLength ? command.Name[..Command.MaxNameLength] + "…" : command.Name;
                return Unchanged(context, flow, context.T("error.unknown_command", "/" + shown));
        }
    }

    private Turn NeedsOnboarding(FlowContext context)
    {
        var start = StartFlow(flows[OnboardingFlow.FlowName], context);
        return start with { Messages = [context.Say("onboarding.needed"), .. start.Messages] };
    }

    private static Turn Home(FlowContext context, string? leadKey) => new() { Messages = [MainMenu.Render(context, leadKey)] };

    private static Turn StartFlow(IFlow flow, FlowContext context) => FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty }));

    private static Turn FromStep(IFlow flow, StepResult result) => result.Outcome == StepOutcome.Done
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

    /// <summary>The chat stays where it was: say why (if anything) and ask the current step again.</summary>
    private static Turn Unchanged(FlowContext context, IFlow? flow, string? reason, params OutgoingMessage[] extra)
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

        return new Turn { StateChanged = false, Messages = messages };
    }
}
