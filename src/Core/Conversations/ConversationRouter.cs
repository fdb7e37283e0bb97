using Antq.Core.Residents;

namespace Antq.Core.Conversations;

/// <summary>
/// Decides what one input does to a chat: an idle or outdated flow is closed first; then the features' routes
/// (commands, card buttons) and the resident commands work at any step; otherwise the flow in progress takes
/// the input. Pure, like the flows.
/// </summary>
public sealed class ConversationRouter(FlowCatalog flows, ConversationOptions options, IEnumerable<IInputRoute> routes)
{
    private readonly IReadOnlyList<IInputRoute> _routes = [.. routes.OrderBy(r => r is IFallbackRoute)];

    public Turn Route(FlowContext context, ConversationState state)
    {
        var input = context.Input;
        if (input.Kind is InboundKind.ChatBlocked or InboundKind.ChatUnblocked or InboundKind.ChatLeft)
        {
            var status = input.Kind switch { InboundKind.ChatBlocked => ResidentStatus.Blocked, InboundKind.ChatLeft => ResidentStatus.Left, _ => ResidentStatus.Active };
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
        var command = Command.Parse(input);
        var turn = _routes.Select(r => r.Route(context, command, flow)).FirstOrDefault(t => t is not null)
            ?? (command is not null ? RunCommand(context, command, flow, state) : Continue(context, flow));
        return turn with
        {
            Messages = [.. notices, .. turn.Messages],
            Changes = [.. reactivate, .. turn.Changes],
            StateChanged = turn.StateChanged || closed,
            NotUnderstood = turn.NotUnderstood && !closed,
        };
    }

    private Turn Continue(FlowContext context, IFlow? flow)
    {
        if (context.Input.Text is { Length: var length } && length > options.MaxTextLength)
        {
            return Turns.Unchanged(context, flow, context.T("error.too_long", options.MaxTextLength));
        }

        if (flow is not null)
        {
            var result = flow.Handle(context);
            return result.Outcome == StepOutcome.Invalid
                ? Turns.Unchanged(context, flow, result.Reason, result.Changes)
                : Turns.FromStep(flow, result);
        }

        var resident = context.Resident;
        if (resident is { HasConsented: true })
        {
            var why = context.Input.Kind switch
            {
                InboundKind.Unsupported => "error.unsupported",
                InboundKind.Button => "error.old_button",
                _ => "menu.not_understood",
            };
            return new Turn { StateChanged = false, Messages = [MainMenu.Render(context, why)], NotUnderstood = why != "error.old_button" };
        }

        return resident?.ConsentRefusedAt is not null
            ? new Turn { StateChanged = false, Messages = [MainMenu.StartHint(context, "consent.refused_reminder")] }
            : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
    }

    private Turn RunCommand(FlowContext context, Command command, IFlow? flow, ConversationState state)
    {
        var consented = context.Resident is { HasConsented: true };
        switch (command.Name)
        {
            case "start":
                return consented ? Turns.Home(context, "menu.welcome_back") : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
            case "menu" or "home":
                return consented ? Turns.Home(context, null) : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
            case "help":
                return Turns.Unchanged(context, flow, CommandMenu.Help(context.Texts, context.Language));
            case "cancel":
                if (flow is null)
                {
                    return consented ? Turns.Home(context, "cancel.nothing") : new Turn { StateChanged = state.Flow is not null, Messages = [MainMenu.StartHint(context, "cancel.nothing_newcomer")] };
                }

                return consented ? Turns.Home(context, "cancel.done") : new Turn { Messages = [MainMenu.StartHint(context, "cancel.done_newcomer")] };
            case "settings":
                return consented ? Turns.StartFlow(flows[SettingsFlow.FlowName], context) : Turns.NeedsOnboarding(flows, context);
            case "privacy":
                return Turns.Unchanged(context, flow, null, ResidentDescription.Privacy(context));
            case "delete_me" or "deleteme" or "erase":
                return context.Resident is null
                    ? Turns.Unchanged(context, flow, context.T("privacy.nothing"))
                    : Turns.StartFlow(flows[EraseFlow.FlowName], context);
            default:
                var shown = command.Name.Length > Command.MaxNameLength ? command.Name[..Command.MaxNameLength] + "…" : command.Name;
                return Turns.Unchanged(context, flow, context.T("error.unknown_command", "/" + shown));
        }
    }
}
