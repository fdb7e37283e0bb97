using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Pledges;

/// <summary>
/// /pledge: signer kind → the signer's details → unit → which pledges → their full text → "I commit".
/// Committing asks for <see cref="SignPledges"/>, which finds earlier signatures and gives the receipt.
/// </summary>
public sealed class PledgeFlow(PledgeCatalog catalog) : IFlow
{
    public const string FlowName = "pledge";

    private readonly PledgePrompts _prompts = new(catalog);

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Kind, FlowData.Empty, PledgePrompts.Kind(context));

    public StepResult Handle(FlowContext context)
    {
        var draft = PledgeDraft.From(context.Data);
        if (Navigation.IsBack(context))
        {
            return Back(context, draft);
        }

        return context.Step switch
        {
            Step.Kind => Kind(context),
            Step.Field => Field(context, draft),
            Step.Place => Place(context, draft),
            Step.Ward => AreaStep.ParseWard(context, out var problem) is { } ward
                ? Go(context, Step.Unit, draft with { WardId = ward.Id, UnitId = null })
                : StepResult.Invalid(problem!),
            Step.Unit => Unit(context, draft),
            Step.Types => Types(context, draft),
            Step.Commit => Commit(context, draft),
            _ => Start(context),
        };
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [_prompts.For(context, context.Step ?? Step.Kind, PledgeDraft.From(context.Data))];

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

    private StepResult GoToPlace(FlowContext context, PledgeDraft draft) =>
        context.Resident is { UnitId: not null } ? Go(context, Step.Place, draft) : Go(context, Step.Ward, draft);

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
        var offered = catalog.For(draft.Kind ?? SignerKind.Individual);
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

        var campaign = catalog.Campaign;
        if (!campaign.IsOpen(context.Now))
        {
            return StepResult.Done(PledgeRoutes.Closed(context, campaign), MainMenu.Render(context));
        }

        var sign = new SignPledges(draft.Details, draft.WardId!, draft.UnitId!, draft.Types, context.Language);
        return StepResult.Done(MainMenu.Render(context)).With(sign);
    }

    private StepResult Back(FlowContext context, PledgeDraft draft)
    {
        var field = context.Data.GetInt("field");
        var lastField = SignerDetails.FieldsOf(draft.Kind ?? SignerKind.Individual).Count - 1;
        return context.Step switch
        {
            Step.Field when field > 0 => Go(context, Step.Field, draft, field - 1),
            Step.Field => Go(context, Step.Kind, draft),
            Step.Place => Go(context, Step.Field, draft, lastField),
            Step.Ward when context.Resident is { UnitId: not null } => Go(context, Step.Place, draft),
            Step.Ward => Go(context, Step.Field, draft, lastField),
            Step.Unit => Go(context, Step.Ward, draft),
            Step.Types => GoToPlace(context, draft),
            Step.Commit => Go(context, Step.Types, draft),
            _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
        };
    }

    private StepResult Go(FlowContext context, string step, PledgeDraft draft, int? field = null)
    {
        var data = draft.Into(context.Data).With("page", "0");
        if (field is { } f)
        {
            data = data.With("field", f.ToString(CultureInfo.InvariantCulture));
        }

        var next = context with { Data = data };
        return step == Step.Commit
            ? new StepResult { Outcome = StepOutcome.Continue, Step = step, Data = data, Messages = _prompts.Texts(next, draft) }
            : StepResult.Continue(step, data, _prompts.For(next, step, draft));
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
