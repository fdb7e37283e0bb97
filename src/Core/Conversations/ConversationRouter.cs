using Antq.Core.Officers;
using Antq.Core.Residents;

namespace Antq.Core.Conversations;

/// <summary>
/// Decides what one input does to a chat: an idle or outdated flow is closed first; then a command goes to the
/// feature that declared it, once its audience is checked here (and only here); card buttons go to the features'
/// routes; otherwise the flow in progress takes the input. Pure, like the flows.
/// </summary>
public sealed class ConversationRouter(FlowCatalog flows, ConversationOptions options, IEnumerable<IInputRoute> routes)
{
    public static readonly CommandDescriptor Start = new("start", CommandAudience.Everyone, 10);

    public static readonly CommandDescriptor Menu = new("menu", CommandAudience.Everyone, 20) { Aliases = ["home"], ForOfficersToo = true };

    public static readonly CommandDescriptor Cancel = new("cancel", CommandAudience.Everyone, 140) { ForOfficersToo = true };

    public static readonly CommandDescriptor Help = new("help", CommandAudience.Everyone, 150) { ForOfficersToo = true };

    /// <summary>The commands of the conversation itself: starting, the menu, leaving, help and the resident's own data.</summary>
    public static readonly IReadOnlyList<CommandDescriptor> OwnCommands =
    [
        Start,
        Menu,
        new("settings", CommandAudience.Residents, 110),
        new("privacy", CommandAudience.Everyone, 120),
        new("delete_me", CommandAudience.Everyone, 130) { Aliases = ["deleteme", "erase"] },
        Cancel,
        Help,
    ];

    private readonly IReadOnlyList<IInputRoute> _routes = [.. routes.OrderBy(r => r is IFallbackRoute)];

    // Which route runs each declared command (a command declared twice for one audience stops the start).
    private readonly Dictionary<CommandDescriptor, IInputRoute> _owners = routes.SelectMany(r => r.Commands.Select(c => (Command: c, Route: r))).ToDictionary(o => o.Command, o => o.Route);

    /// <summary>Every command the router runs, from which menus and <c>/help</c> are built.</summary>
    public CommandMenu Commands { get; } = new([.. OwnCommands, .. routes.SelectMany(r => r.Commands)]);

    /// <summary>The command <paramref name="input"/> asks for, if it is one (before its audience is checked).</summary>
    public TurnCommand? Recognise(InboundMessage input) =>
        Command.Parse(input) is { } command ? new TurnCommand(command, Commands.Find(command.Name).FirstOrDefault()?.Name) : null;

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
        var command = (context.Facts.Get<TurnCommand>() ?? Recognise(input))?.Command;
        var turn = command is not null
            ? RunCommand(context, command, flow, state)
            : _routes.Select(r => r.Route(context, null, flow)).FirstOrDefault(t => t is not null) ?? Continue(context, flow);
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
                InboundKind.Button => context.Facts.Get<Officer>() is null ? "error.old_button" : "error.old_button_officer",
                _ => "menu.not_understood",
            };
            return new Turn { StateChanged = false, Messages = [MainMenu.Render(context, why)], NotUnderstood = context.Input.Kind != InboundKind.Button };
        }

        if (context.Facts.Get<Officer>() is { } officer)
        {
            return new Turn { StateChanged = false, Messages = [OfficerHome.Render(context, officer, context.Facts.Get<OpenTipCount>()?.Count)] };
        }

        return resident?.ConsentRefusedAt is not null
            ? new Turn { StateChanged = false, Messages = [MainMenu.StartHint(context, "consent.refused_reminder")] }
            : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
    }

    private Turn RunCommand(FlowContext context, Command command, IFlow? flow, ConversationState state)
    {
        var officer = context.Facts.Get<Officer>();
        var consented = context.Resident is { HasConsented: true };
        var candidates = Commands.Find(command.Name);

        // An officer's own /events before the residents' one.
        var permitted = candidates.OrderByDescending(c => c.IsForOfficers(admin: true)).FirstOrDefault(c => c.Audience switch
        {
            CommandAudience.Residents => consented,
            CommandAudience.Officers => officer is not null,
            CommandAudience.Admins => officer is { Role: OfficerRole.Admin },
            _ => true,
        });
        if (permitted is null)
        {
            // Officers' commands do not exist for anyone else: they are answered like a command nobody declared.
            return candidates.Any(c => c.Audience == CommandAudience.Residents) ? Turns.NeedsOnboarding(flows, context) : Unknown(context, command, flow);
        }

        command = command with { Name = permitted.Name };
        return _owners.TryGetValue(permitted, out var route)
            ? route.Route(context, command, flow) ?? Unknown(context, command, flow)
            : RunOwn(context, command, flow, state, consented, officer);
    }

    private static Turn Unknown(FlowContext context, Command command, IFlow? flow)
    {
        var shown = command.Name.Length > Command.MaxNameLength ? command.Name[..Command.MaxNameLength] + "…" : command.Name;
        return Turns.Unchanged(context, flow, context.T("error.unknown_command", "/" + shown));
    }

    private Turn RunOwn(FlowContext context, Command command, IFlow? flow, ConversationState state, bool consented, Officer? officer)
    {
        switch (command.Name)
        {
            case "start" or "menu" when officer is not null && !consented:
                // An officer who never signed up as a resident is not sent to the language picker: their home instead.
                return new Turn { Messages = [OfficerHome.Render(context, officer, context.Facts.Get<OpenTipCount>()?.Count)] };
            case "start":
                return consented ? Turns.Home(context, "menu.welcome_back") : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
            case "menu":
                return consented ? Turns.Home(context, null) : Turns.StartFlow(flows[OnboardingFlow.FlowName], context);
            case "help" when officer is not null:
                // An officer's help lists their own commands, in the officers' language, whatever the chat's language.
                var help = new OutgoingMessage { Text = Commands.OfficerHelp(context.Texts, officer.Role == OfficerRole.Admin, context.Facts.Get<OpenTipCount>()?.Count) };
                return new Turn { StateChanged = false, Messages = [help, .. flow?.Prompt(context) ?? []] };
            case "help":
                return Turns.Unchanged(context, flow, Commands.Help(context.Texts, context.Language));
            case "cancel" when officer is not null && !consented:
                var lead = flow is null ? "cancel.nothing" : "cancel.done";
                return new Turn { StateChanged = state.Flow is not null, Messages = [OfficerHome.Render(context, officer, context.Facts.Get<OpenTipCount>()?.Count, lead)] };
            case "cancel":
                if (flow is null)
                {
                    return consented ? Turns.Home(context, "cancel.nothing") : new Turn { StateChanged = state.Flow is not null, Messages = [MainMenu.StartHint(context, "cancel.nothing_newcomer")] };
                }

                return consented ? Turns.Home(context, "cancel.done") : new Turn { Messages = [MainMenu.StartHint(context, "cancel.done_newcomer")] };
            case "settings":
                return Turns.StartFlow(flows[SettingsFlow.FlowName], context);
            case "privacy":
                return Turns.Unchanged(context, flow, null, ResidentDescription.Privacy(context));
            case "delete_me":
                return context.Resident is null
                    ? Turns.Unchanged(context, flow, context.T("privacy.nothing"))
                    : Turns.StartFlow(flows[EraseFlow.FlowName], context);
            default:
                return Unknown(context, command, flow);
        }
    }
}
