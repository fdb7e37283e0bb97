using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Pledges;

/// <summary>The questions of the pledge flow, as the resident sees them.</summary>
internal sealed class PledgePrompts(PledgeCatalog catalog)
{
    /// <summary>The signer detail the chat is at (its "field" index); the kinds again when none is chosen.</summary>
    public static OutgoingMessage Field(FlowContext context, PledgeDraft draft) =>
        draft.Kind is { } kind
            ? SignerFields.Prompt(context, kind, SignerDetails.FieldsOf(kind)[Math.Clamp(context.Data.GetInt("field"), 0, SignerDetails.FieldsOf(kind).Count - 1)], withBack: true)
            : Kind(context);

    /// <summary>The units of the chosen ward, at the page the chat is on; the wards again when none is chosen.</summary>
    public static OutgoingMessage Unit(FlowContext context, PledgeDraft draft) =>
        context.Areas.FindWard(draft.WardId ?? "") is { } ward
            ? AreaStep.UnitPrompt(context, ward, context.Data.GetInt("page"), withBack: true)
            : AreaStep.WardPrompt(context, withBack: true);

    public static OutgoingMessage Kind(FlowContext context) => new()
    {
        Text = context.T("pledge.ask_kind"),
        Buttons =
        [
            [new Button(context.T("pledge.kind_household"), new PledgeKindButton(SignerKind.Household).Data)],
            [new Button(context.T("pledge.kind_business"), new PledgeKindButton(SignerKind.Business).Data)],
            [new Button(context.T("pledge.kind_school"), new PledgeKindButton(SignerKind.School).Data)],
            [new Button(context.T("pledge.kind_individual"), new PledgeKindButton(SignerKind.Individual).Data)],
            Navigation.CancelOnly(context),
        ],
    };

    public OutgoingMessage Types(FlowContext context, PledgeDraft draft)
    {
        var rows = catalog.For(draft.Kind ?? SignerKind.Individual)
            .Select(t => (IReadOnlyList<Button>)[new Button((draft.Types.Contains(t.Id) ? "✅ " : "⬜ ") + t.Name(context.Language), new PledgeTypeButton(t.Id).Data)])
            .ToList();
        rows.Add([new Button(context.T("pledge.all"), new PledgeChoiceButton(PledgeChoice.AllTypes).Data), new Button(context.T("button.done"), Navigation.DoneData)]);
        rows.Add(Navigation.BackAndCancel(context));
        return new OutgoingMessage { Text = context.T("pledge.ask_types", catalog.Campaign.Year), Buttons = rows };
    }

    /// <summary>The full text of each chosen pledge, then the question that asks for the commitment.</summary>
    public IReadOnlyList<OutgoingMessage> Texts(FlowContext context, PledgeDraft draft) =>
        [.. draft.Types.Select(catalog.Find).OfType<PledgeType>().Select(t => new OutgoingMessage { Text = t.FullText(context.Language) }), Commit(context, draft)];

    public OutgoingMessage Commit(FlowContext context, PledgeDraft draft)
    {
        var names = Locale.TextList.Join(draft.Types.Select(catalog.Find).OfType<PledgeType>().Select(t => t.Name(context.Language)));
        var unit = context.Areas.FindUnit(draft.UnitId ?? "");
        var ward = context.Areas.FindWard(draft.WardId ?? "");
        var place = unit is null || ward is null ? "" : $"{unit.Name}, {AreaStep.WardLabel(context, ward)}";
        var details = draft.Details;
        return new OutgoingMessage
        {
            Text = context.T("pledge.ask_commit", details.DisplayName, details.Place, place, names),
            Buttons = [[new Button(context.T("pledge.commit"), new PledgeChoiceButton(PledgeChoice.Commit).Data)], Navigation.BackAndCancel(context)],
        };
    }

    public static OutgoingMessage Place(FlowContext context)
    {
        var rows = new List<IReadOnlyList<Button>>();
        if (context.Resident is { UnitId: { } unitId, WardId: { } wardId } && context.Areas.FindUnit(unitId) is { } unit && context.Areas.FindWard(wardId) is { } ward)
        {
            rows.Add([new Button(context.T("pledge.unit_mine", unit.Name, AreaStep.WardLabel(context, ward)), new PledgeChoiceButton(PledgeChoice.PlaceMine).Data)]);
        }

        rows.Add([new Button(context.T("pledge.unit_other"), new PledgeChoiceButton(PledgeChoice.PlaceOther).Data)]);
        rows.Add(Navigation.BackAndCancel(context));
        return new OutgoingMessage { Text = context.T("pledge.ask_unit"), Buttons = rows };
    }
}
