using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Tips;

/// <summary>
/// Where tips are reached at any step. Residents: /tip and the menu entry, /status CODE, "answer" under an
/// officer's reply. Officers (and only they; to anyone else these do not exist): /tips, the card buttons, /invite.
/// </summary>
public sealed class TipRoutes(FlowCatalog flows) : IInputRoute
{
    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        var officer = context.Facts.Get<Officer>();
        return (command?.Name, officer) switch
        {
            ("tip", _) => context.Resident is { HasConsented: true } ? Turns.StartFlow(flows[TipFlow.FlowName], context) : Turns.NeedsOnboarding(flows, context),
            ("status", _) when command.Argument is null => Turns.StartFlow(flows[TipMessageFlow.Status], context),
            ("status", _) => Turns.Unchanged(context, current, null, [new LookupTipStatus(command.Argument, context.Language)]),
            ("join", _) => Join(context, command!),
            ("tips", not null) => Changed(context, new ListTips(0)),
            ("invite", { Role: OfficerRole.Admin }) => Invite(context, command!),
            (null, _) => Buttons(context, officer),
            _ => null,
        };
    }

    private Turn? Buttons(FlowContext context, Officer? officer)
    {
        if (Navigation.ButtonArgument(context, "tipans:") is { } answered)
        {
            return StartWithCode(TipMessageFlow.Answer, context, answered);
        }

        if (officer is null || Navigation.ButtonArgument(context, "tipact:") is not { } action)
        {
            return null;
        }

        var parts = action.Split(':', 2);
        var (verb, code) = (parts[0], parts.Length > 1 ? parts[1] : "");
        return verb switch
        {
            "take" => Changed(context, new ChangeTipStatus(code, TipStatus.InProgress)),
            "verify" => Changed(context, new ChangeTipStatus(code, TipStatus.Verified)),
            "useless" => Changed(context, new ChangeTipStatus(code, TipStatus.NotUseful)),
            "spam" => Changed(context, new ChangeTipStatus(code, TipStatus.Spam)),
            "close" => StartWithCode(TipMessageFlow.Close, context, code),
            "reply" => StartWithCode(TipMessageFlow.Reply, context, code),
            "open" => Changed(context, new ShowTip(code)),
            "list" when int.TryParse(code, out var page) && page >= 0 => Changed(context, new ListTips(page)),
            _ => null,
        };
    }

    private static Turn Changed(FlowContext context, DomainChange change) => new() { StateChanged = false, Changes = [change] };

    private Turn StartWithCode(string name, FlowContext context, string code)
    {
        var flow = flows[name];
        return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty.With("code", code) }));
    }

    // Officers may not be residents: their commands answer and leave the chat where it was, nothing more.
    private static Turn Join(FlowContext context, Command command)
    {
        var parts = (command.Argument ?? "").Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length < 2 || parts[1].Length is < 2 or > 100
            ? new Turn { StateChanged = false, Messages = [context.Say("officer.join_how")] }
            : Changed(context, new RedeemInvitation(parts[0], parts[1], context.Language));
    }

    private static Turn Invite(FlowContext context, Command command)
    {
        if (command.Argument is null)
        {
            return new Turn { StateChanged = false, Messages = [context.Say("officer.invite_how")] };
        }

        if (string.Equals(command.Argument, "admin", StringComparison.OrdinalIgnoreCase))
        {
            return Changed(context, new CreateInvitation(OfficerRole.Admin, null, OfficerInvitation.Validity));
        }

        return context.Areas.FindWard(command.Argument) is { } ward
            ? Changed(context, new CreateInvitation(OfficerRole.Officer, ward.Id, OfficerInvitation.Validity))
            : new Turn { StateChanged = false, Messages = [context.Say("area.ward_not_found", command.Argument)] };
    }
}
