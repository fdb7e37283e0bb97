using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents;

namespace Antq.Core.Pledges;

/// <summary>Correcting a signer's details (within the correction window): each detail asked again, then <see cref="CorrectPledge"/>.</summary>
public sealed class PledgeCorrectionFlow : IFlow
{
    public const string FlowName = "pledge_fix";

    public string Name => FlowName;

    public int Version => 1;

    /// <summary>Starts with the pledge and its signer kind in the data (set by <see cref="PledgeRoutes"/>).</summary>
    public StepResult Start(FlowContext context) => Ask(context, PledgeDraft.From(context.Data), 0, context.Say("pledge.fix_intro"));

    public StepResult Handle(FlowContext context)
    {
        var draft = PledgeDraft.From(context.Data);
        var fields = SignerDetails.FieldsOf(draft.Kind ?? SignerKind.Individual);
        var index = Math.Clamp(context.Data.GetInt("field"), 0, fields.Count - 1);
        if (Navigation.IsBack(context))
        {
            return index > 0 ? Ask(context, draft, index - 1) : StepResult.Done(MainMenu.Render(context, "pledge.fix_cancelled"));
        }

        if (SignerFields.Parse(context, fields[index], out var problem) is not { } value)
        {
            return StepResult.Invalid(problem!);
        }

        draft = draft.WithField(fields[index], value);
        return index + 1 < fields.Count
            ? Ask(context, draft, index + 1)
            : StepResult.Done(MainMenu.Render(context)).With(new CorrectPledge(draft.PledgeId ?? 0, draft.Details, context.Language));
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context)
    {
        var draft = PledgeDraft.From(context.Data);
        var kind = draft.Kind ?? SignerKind.Individual;
        var fields = SignerDetails.FieldsOf(kind);
        return [SignerFields.Prompt(context, kind, fields[Math.Clamp(context.Data.GetInt("field"), 0, fields.Count - 1)], withBack: true)];
    }

    private StepResult Ask(FlowContext context, PledgeDraft draft, int field, params OutgoingMessage[] before)
    {
        var data = draft.Into(context.Data).With("field", field.ToString(CultureInfo.InvariantCulture));
        var kind = draft.Kind ?? SignerKind.Individual;
        return new StepResult
        {
            Outcome = StepOutcome.Continue,
            Step = "field",
            Data = data,
            Messages = [.. before, SignerFields.Prompt(context, kind, SignerDetails.FieldsOf(kind)[field], withBack: true)],
        };
    }
}
