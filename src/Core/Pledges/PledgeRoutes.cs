using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Microsoft.Extensions.Options;

namespace Antq.Core.Pledges;

/// <summary>
/// Where pledges are reached at any step. Residents: /pledge and the menu entry, /mypledges, the correct and
/// withdraw buttons under their list. Officers (only they): /coverage.
/// </summary>
public sealed class PledgeRoutes(FlowCatalog flows, PledgeCatalog catalog, IOptions<PledgeOptions> options) : IInputRoute
{
    public static readonly CommandDescriptor Pledge = new("pledge", CommandAudience.Residents, 50);

    /// <summary>Anyone may ask (before sign-up there are none); its facts are loaded only on turns that run it.</summary>
    public static readonly CommandDescriptor MyPledges = new("mypledges", CommandAudience.Everyone, 60);

    public static readonly CommandDescriptor Coverage = new("coverage", CommandAudience.Officers, 260);

    private readonly int _correctionDays = options.Value.CorrectionDays;

    public IReadOnlyList<CommandDescriptor> Commands => [Pledge, MyPledges, Coverage];

    public Turn? Route(FlowContext context, Command? command, IFlow? current) => command?.Name switch
    {
        "pledge" when !catalog.Campaign.IsOpen(context.Now) => new Turn { Messages = [Closed(context, catalog.Campaign), MainMenu.Render(context)] },
        "pledge" => Turns.StartFlow(flows[PledgeFlow.FlowName], context),
        "mypledges" => Turns.Unchanged(context, current, null, Mine(context)),
        "coverage" => new Turn { StateChanged = false, Changes = [new ShowCoverage()] },
        null => Buttons(context, current),
        _ => null,
    };

    /// <summary>"The campaign is closed; the next opens on …", or "it opens on …" before it starts.</summary>
    public static OutgoingMessage Closed(FlowContext context, PledgeCampaign campaign) => campaign.HasEnded(context.Now)
        ? context.Say("pledge.closed", campaign.Year, Day(campaign.Closes), Day(campaign.NextOpening(context.Now)))
        : context.Say("pledge.not_yet", campaign.Year, Day(campaign.Opens));

    public static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private Turn? Buttons(FlowContext context, IFlow? current)
    {
        var mine = context.Facts.Get<MyPledges>() ?? new MyPledges([]);
        var data = Navigation.ButtonData(context);
        switch (PledgeButton.Parse(data))
        {
            case { Action: PledgeAction.Fix } fix:
                return mine.Find(fix.PledgeId) is not { WithdrawnAt: null } pledge
                    ? Turns.Unchanged(context, current, context.T("error.old_button"))
                    : !CanCorrect(pledge, context.Now)
                        ? Turns.Unchanged(context, current, context.T("pledge.fix_too_late", _correctionDays, Day(PledgeCampaign.Today(pledge.SignedAt))))
                        : StartCorrection(context, pledge);
            case { Action: PledgeAction.Withdraw } withdraw:
                return mine.Find(withdraw.PledgeId) is not { WithdrawnAt: null } active
                    ? Turns.Unchanged(context, current, context.T("error.old_button"))
                    : Turns.Unchanged(context, current, null, new OutgoingMessage
                    {
                        Text = context.T("pledge.withdraw_confirm", TypeName(context, active.TypeId), active.Number, active.Details.DisplayName),
                        Buttons = [[new Button(context.T("pledge.withdraw_yes"), new PledgeButton(PledgeAction.ConfirmWithdraw, active.Id).Data)], [new Button(context.T("pledge.withdraw_no"), new MenuButton("mypledges").Data)]],
                    });
            case { Action: PledgeAction.ConfirmWithdraw } confirmed:
                return new Turn { StateChanged = false, Changes = [new WithdrawPledge(confirmed.PledgeId, context.Language)] };
        }

        // A pledge button whose data is not well formed names no pledge of this resident.
        return PledgeButton.Owns(data) ? Turns.Unchanged(context, current, context.T("error.old_button")) : null;
    }

    private bool CanCorrect(Pledge pledge, DateTime now) => now - pledge.SignedAt <= TimeSpan.FromDays(_correctionDays);

    private Turn StartCorrection(FlowContext context, Pledge pledge)
    {
        var flow = flows[PledgeCorrectionFlow.FlowName];
        var draft = new PledgeDraft { PledgeId = pledge.Id, Kind = pledge.SignerKind };
        return Turns.FromStep(flow, flow.Start(context with { Step = null, Data = draft.Into(FlowData.Empty) }));
    }

    private OutgoingMessage Mine(FlowContext context)
    {
        var pledges = (context.Facts.Get<MyPledges>() ?? new MyPledges([])).Pledges;
        if (pledges.Count == 0)
        {
            return new OutgoingMessage { Text = context.T("pledge.mine_none") };
        }

        var lines = new List<string> { context.T("pledge.mine_title") };
        var buttons = new List<IReadOnlyList<Button>>();
        foreach (var signer in pledges.GroupBy(p => (p.CampaignYear, p.SignerKey)).OrderByDescending(g => g.Key.CampaignYear).Take(10))
        {
            var first = signer.First();
            lines.Add("");
            lines.Add(context.T("pledge.mine_signer", signer.Key.CampaignYear, first.Details.DisplayName, first.Details.Place));
            foreach (var pledge in signer)
            {
                lines.Add(pledge.WithdrawnAt is { } at
                    ? context.T("pledge.mine_withdrawn", TypeName(context, pledge.TypeId), pledge.Number, Day(PledgeCampaign.Today(at)))
                    : context.T("pledge.mine_line", TypeName(context, pledge.TypeId), pledge.Number, Day(PledgeCampaign.Today(pledge.SignedAt))));
            }

            var active = signer.Where(p => p.WithdrawnAt is null && p.CampaignYear == catalog.Campaign.Year).ToList();
            if (active.FirstOrDefault(p => CanCorrect(p, context.Now)) is { } correctable)
            {
                buttons.Add([new Button(context.T("pledge.fix_button", first.SignerName), new PledgeButton(PledgeAction.Fix, correctable.Id).Data)]);
            }

            buttons.AddRange(active.Select(p => (IReadOnlyList<Button>)[new Button(context.T("pledge.withdraw_button", TypeName(context, p.TypeId), first.SignerName), new PledgeButton(PledgeAction.Withdraw, p.Id).Data)]));
        }

        lines.Add("");
        lines.Add(context.T("pledge.mine_fix_rule", _correctionDays));
        return new OutgoingMessage { Text = string.Join("\n", lines), Buttons = buttons };
    }

    private string TypeName(FlowContext context, string typeId) => catalog.Find(typeId)?.Name(context.Language) ?? typeId;
}
