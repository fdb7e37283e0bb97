using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Tips;

/// <summary>
/// Where tips are reached at any step. Residents: /tip and the menu entry, /status CODE, "answer" under an
/// officer's reply. Officers (and only they; to anyone else these do not exist): /tips, the card buttons (becoming an officer is in <see cref="OfficerRoutes"/>).
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
            ("tips", not null) => Changed(context, new ListTips(0)),
            (null, _) => Buttons(context, officer),
            _ => null,
        };
    }

    private Turn? Buttons(FlowContext context, Officer? officer)
    {
        var data = Navigation.ButtonData(context);
        if (TipAnswerButton.Parse(data) is { } answered)
        {
            return StartWithCode(TipMessageFlow.Answer, context, answered.Code);
        }

        if (officer is null || TipActionButton.Parse(data) is not { } action)
        {
            return null;
        }

        var code = action.Argument;
        return action.Action switch
        {
            TipAction.Take => Changed(context, new ChangeTipStatus(code, TipStatus.InProgress)),
            TipAction.Verify => Changed(context, new ChangeTipStatus(code, TipStatus.Verified)),
            TipAction.Useless => Changed(context, new ChangeTipStatus(code, TipStatus.NotUseful)),
            TipAction.Spam => Changed(context, new ChangeTipStatus(code, TipStatus.Spam)),
            TipAction.Close => StartWithCode(TipMessageFlow.Close, context, code),
            TipAction.Reply => StartWithCode(TipMessageFlow.Reply, context, code),
            TipAction.Open => Changed(context, new ShowTip(code)),
            TipAction.List => Changed(context, new ListTips(action.Page)),
            _ => null,
        };
    }

    private static Turn Changed(FlowContext context, DomainChange change) => new() { StateChanged = false, Changes = [change] };

    private Turn StartWithCode(string name, FlowContext context, string code)
    {
        var flow = flows[name];
        return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty.With("code", code) }));
    }
}
