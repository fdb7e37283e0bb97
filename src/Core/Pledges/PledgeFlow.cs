using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Pledges;

/// <summary>
/// /pledge: signer kind → the signer's details → unit → which pledges → their full text → "I commit".
/// Committing asks for <see cref="SignPledges"/>, which finds earlier signatures and gives the receipt.
/// </summary>
public sealed class PledgeFlow : IFlow
{
    public const string FlowName = "pledge";

    private readonly PledgeCatalog _catalog;
    private readonly PledgePrompts _prompts;

    /// <summary>
    /// Each step once: how it reads the input, what it asks, the step "« Back" returns to. Back among the signer's
    /// details is to the detail before (see <see cref="GoBack"/>); the kind has nothing before it.
    /// </summary>
    private readonly StepTable<PledgeDraft> _steps;

    public PledgeFlow(PledgeCatalog catalog)
    {
        _catalog = catalog;
        _prompts = new PledgePrompts(catalog);
        _steps = new StepTable<PledgeDraft>()
            .Add(Step.Kind, (c, _) => Kind(c), (c, _) => PledgePrompts.Kind(c))
            .Add(Step.Field, Field, PledgePrompts.Field, back: (c, _) => c.Data.GetInt("field") > 0 ? Step.Field : Step.Kind)
            .Add(Step.Place, Place, (c, _) => PledgePrompts.Place(c), back: (_, _) => Step.Field)
            .Add(
                Step.Ward,
                (c, d) => AreaStep.ParseWard(c, out var problem) is { } ward ? Go(c, Step.Unit, d with { WardId = ward.Id, UnitId = null }) : StepResult.Invalid(problem!),
                (c, _) => AreaStep.WardPrompt(c, withBack: true),
                back: (c, _) => c.Resident is { UnitId: not null } ? Step.Place : Step.Field)
            .Add(Step.Unit, Unit, PledgePrompts.Unit, back: (_, _) => Step.Ward)
            .Add(Step.Types, Types, _prompts.Types, back: (c, _) => PlaceStep(c))
            .Add(Step.Commit, Commit, _prompts.Commit, back: (_, _) => Step.Types);
    }

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Kind, FlowData.Empty, PledgePrompts.Kind(context));

    public StepResult Handle(FlowContext context)
    {
        var draft = PledgeDraft.From(context.Data);
        return _steps.Handle(context, draft, step => GoBack(context, step, draft))
            ?? (Navigation.IsBack(context) ? StepResult.Invalid(Navigation.WhyNotAButton(context)) : Start(context));
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [_steps.Prompt(context, context.Step, PledgeDraft.From(context.Data))];

    private StepResult Kind(FlowContext context) =>
        PledgeKindButton.Parse(Navigation.ButtonData(context))?.Kind is { } kind
            ? Go(context, Step.Field, new PledgeDraft { Kind = kind }, field: 0)
            : StepResult.Invalid(Navigation.WhyNotAButton(context));

    private StepResult Field(FlowContext context, PledgeDraft draft)
    {
        var fields = SignerDetails.FieldsOf(draft.Kind ?? SignerKind.Individual);
        var index = Math.Clamp(context.Data.GetInt("field"), 0, fields.Count - 1);
        if (SignerFields.Parse(context, fields[index], out var problem) is not { } value)
        {
            return StepResult.Invalid(problem!);
        }

        draft = draft.WithField(fields[index], value);
        return index + 1 < fields.Count ? Go(context, Step.Field, draft, field: index + 1) : GoToPlace(context, draft);
    }

    private StepResult GoToPlace(FlowContext context, PledgeDraft draft) => Go(context, PlaceStep(context), draft);

    /// <summary>A resident with a unit is offered it; anyone else chooses the ward.</summary>
    private static string PlaceStep(FlowContext context) => context.Resident is { UnitId: not null } ? Step.Place : Step.Ward;

    private StepResult Place(FlowContext context, PledgeDraft draft) => PledgeChoiceButton.Parse(Navigation.ButtonData(context)) switch
    {
        PledgeChoice.PlaceMine when context.Resident is { WardId: { } ward, UnitId: { } unit } => Go(context, Step.Types, draft with { WardId = ward, UnitId = unit }),
        PledgeChoice.PlaceOther => Go(context, Step.Ward, draft),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private StepResult Unit(FlowContext context, PledgeDraft draft)
    {
        if (context.Areas.FindWard(draft.WardId ?? "") is not { } ward)
        {
            return Go(context, Step.Ward, draft);
        }

        if (AreaStep.TurnPage(context, ward, Step.Unit) is { } paged)
        {
            return paged;
        }

        return AreaStep.ParseUnit(context, ward, out var problem) is { } unit
            ? Go(context, Step.Types, draft with { UnitId = unit.Id })
            : StepResult.Invalid(problem!);
    }

    private StepResult Types(FlowContext context, PledgeDraft draft)
    {
        var offered = _catalog.For(draft.Kind ?? SignerKind.Individual);
        if (PledgeChoiceButton.Parse(Navigation.ButtonData(context)) == PledgeChoice.AllTypes)
        {
            return Go(context, Step.Commit, draft with { Types = [.. offered.Select(t => t.Id)] });
        }

        if (Navigation.IsDone(context))
        {
            return draft.Types.Count == 0 ? StepResult.Invalid(context.T("pledge.types_none")) : Go(context, Step.Commit, draft);
        }

        if (PledgeTypeButton.Parse(Navigation.ButtonData(context))?.TypeId is not { } id || offered.All(t => t.Id != id))
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var chosen = draft.Types.Contains(id) ? draft.Types.Where(t => t != id) : draft.Types.Append(id);
        draft = draft with { Types = [.. offered.Select(t => t.Id).Where(chosen.Contains)] };
        var toggled = _prompts.Types(context, draft) with { ReplacesMessageId = context.Input.ButtonMessageId };
        return StepResult.Continue(Step.Types, draft.Into(context.Data), toggled);
    }

    private StepResult Commit(FlowContext context, PledgeDraft draft)
    {
        if (PledgeChoiceButton.Parse(Navigation.ButtonData(context)) != PledgeChoice.Commit)
        {
            return StepResult.Invalid(context.Input.Kind == InboundKind.Button ? context.T("error.old_button") : context.T("pledge.commit_how"));
        }

        var campaign = _catalog.Campaign;
        if (!campaign.IsOpen(context.Now))
        {
            return StepResult.Done(PledgeRoutes.Closed(context, campaign), MainMenu.Render(context));
        }

        var sign = new SignPledges(draft.Details, draft.WardId!, draft.UnitId!, draft.Types, context.Language);
        return StepResult.Done(MainMenu.Render(context)).With(sign);
    }

    /// <summary>"« Back" to <paramref name="step"/>: to the signer's detail before the one asked, or the last one from after them.</summary>
    private StepResult GoBack(FlowContext context, string step, PledgeDraft draft)
    {
        if (step != Step.Field)
        {
            return Go(context, step, draft);
        }

        var lastField = SignerDetails.FieldsOf(draft.Kind ?? SignerKind.Individual).Count - 1;
        return Go(context, Step.Field, draft, context.Step == Step.Field ? context.Data.GetInt("field") - 1 : lastField);
    }

    private StepResult Go(FlowContext context, string step, PledgeDraft draft, int? field = null)
    {
        var data = draft.Into(context.Data).With("page", "0");
        if (field is { } f)
        {
            data = data.With("field", f.ToString(CultureInfo.InvariantCulture));
        }

        // Arriving at the commit, the chosen pledges' full texts come before its question; asked again, the question alone.
        var next = context with { Data = data };
        return step == Step.Commit
            ? StepResult.Continue(step, data, [.. _prompts.Texts(next, draft)])
            : StepResult.Continue(step, data, _steps.Prompt(next, step, draft));
    }

    internal static class Step
    {
        public const string Kind = "kind";
        public const string Field = "field";
        public const string Place = "place";
        public const string Ward = "ward";
        public const string Unit = "unit";
        public const string Types = "types";
        public const string Commit = "commit";
    }
}
