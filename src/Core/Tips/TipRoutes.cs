using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.Tips;

/// <summary>
/// Where tips are reached at any step. Residents: /tip and the menu entry, /status CODE, "answer" under an
/// officer's reply. Officers (and only they; to anyone else these do not exist): /tips, the card buttons (becoming an officer is in <see cref="OfficerRoutes"/>).
/// </summary>
public sealed class TipRoutes(FlowCatalog flows) : IInputRoute
{
    public static readonly CommandDescriptor Tip = new("tip", CommandAudience.Residents, 30);

    /// <summary>Anyone with a tracking code may ask, signed up or not.</summary>
    public static readonly CommandDescriptor Status = new("status", CommandAudience.Everyone, 40, TakesArgument: true);

    /// <summary>The open tips, or with a code one tip in the officer's scope whatever its status (a closed one too).</summary>
    public static readonly CommandDescriptor Tips = new("tips", CommandAudience.Officers, 200, TakesArgument: true);

    public IReadOnlyList<CommandDescriptor> Commands => [Tip, Status, Tips];

    public Turn? Route(FlowContext context, Command? command, IFlow? current) => (command?.Name, command?.Argument) switch
    {
        ("tip", _) => Turns.StartFlow(flows[TipFlow.FlowName], context),
        ("status", null) => Turns.StartFlow(flows[TipMessageFlow.Status], context),
        ("status", var code) => Turns.Unchanged(context, current, null, [new LookupTipStatus(code, context.Language)]),
        ("tips", null) => Changed(context, new ListTips(0)),
        ("tips", var code) => Changed(context, new ShowTip(code)),
        (null, _) => Buttons(context, context.Facts.Get<Officer>()),
        _ => null,
    };

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

        // The card whose button was pressed is updated in place with the new status.
        var card = context.Input.ButtonMessageId;
        return action.Action switch
        {
            TipAction.Take => Changed(context, new ChangeTipStatus(code, TipStatus.InProgress) { Card = card }),
            TipAction.Verify => Changed(context, new ChangeTipStatus(code, TipStatus.Verified) { Card = card }),
            TipAction.Useless => Changed(context, new ChangeTipStatus(code, TipStatus.NotUseful) { Card = card }),
            TipAction.Spam => Changed(context, new ChangeTipStatus(code, TipStatus.Spam) { Card = card }),
            TipAction.Close => StartWithCode(TipMessageFlow.Close, context, code, card),
            TipAction.Reply => StartWithCode(TipMessageFlow.Reply, context, code),
            TipAction.Open => Changed(context, new ShowTip(code)),
            TipAction.List => Changed(context, new ListTips(action.Page)),
            _ => null,
        };
    }

    private static Turn Changed(FlowContext context, DomainChange change) => new() { StateChanged = false, Changes = [change] };

    private Turn StartWithCode(string name, FlowContext context, string code, string? card = null)
    {
        var flow = flows[name];
        return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = FlowData.Empty.With("code", code).With("card", card) }));
    }
}
