using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.InfoDesk;

/// <summary>
/// /contact (officers): pick an entry of the contact book in one's ward → the field → the new value, saved as an
/// override (<see cref="SaveContactOverride"/>) that residents see at once in /info.
/// </summary>
public sealed class ContactEditFlow(ContactBook book) : IFlow
{
    public const string FlowName = "contactedit";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => Editable(context).Count == 0
        ? StepResult.Done(context.Say("contact.none"))
        : StepResult.Continue(Step.Entry, FlowData.Empty, [.. Prompt(context with { Step = Step.Entry })]);

    public StepResult Handle(FlowContext context)
    {
        switch (context.Step)
        {
            case Step.Entry:
                var entry = ContactEditButton.Parse(Navigation.ButtonData(context))?.EntryId;
                return entry is not null && Editable(context).Any(c => c.Id == entry)
                    ? Go(context, Step.Field, context.Data.With("entry", entry))
                    : StepResult.Invalid(Navigation.WhyNotAButton(context));
            case Step.Field:
                var field = ContactEditButton.Parse(Navigation.ButtonData(context))?.Field;
                return field is not null && AreaContact.Fields.Contains(field)
                    ? Go(context, Step.Value, context.Data.With("field", field))
                    : StepResult.Invalid(Navigation.WhyNotAButton(context));
            case Step.Value:
                return Value(context);
            default:
                return Start(context);
        }
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context)
    {
        var entry = book.Find(context.Data["entry"] ?? "");
        return context.Step switch
        {
            Step.Field => [new OutgoingMessage
            {
                Text = context.T("contact.field", entry?.Name ?? ""),
                Buttons = Navigation.Rows(AreaContact.Fields.Select(f => new Button(context.T("contact.field_" + f), ContactEditButton.ForField(f).Data)), 2),
            }],
            Step.Value => [context.Say("contact.value_prompt", context.T("contact.field_" + context.Data["field"]), entry?.Name ?? "")],
            _ => [new OutgoingMessage
            {
                Text = context.T("contact.pick"),
                Buttons = Navigation.Rows(Editable(context).Select(c => new Button(Label(context, c), ContactEditButton.Entry(c.Id).Data)), 1),
            }],
        };
    }

    private StepResult Value(FlowContext context)
    {
        var field = context.Data["field"] ?? "";
        if (context.Input is not { Kind: InboundKind.Text, Text: { } text } || text.Trim().Length < 2)
        {
            return StepResult.Invalid(context.T("contact.value_how"));
        }

        text = text.Trim();
        if (text.Length > ContactBook.MaxFieldLength)
        {
            return StepResult.Invalid(context.T("error.too_long_officer", ContactBook.MaxFieldLength));
        }

        return field == "phone" && !AreaContact.IsPhone(text)
            ? StepResult.Invalid(context.T("contact.bad_phone"))
            : StepResult.Done().With(new SaveContactOverride(context.Data["entry"] ?? "", field, text, context.Language));
    }

    /// <summary>The officer's name with the units they serve, so each finds their own entry at a glance.</summary>
    private static string Label(FlowContext context, AreaContact contact) => contact.IsPost
        ? contact.Name
        : contact.Name + " · " + string.Join(", ", contact.UnitIds.Select(u => context.Areas.FindUnit(u)?.Name ?? u));

    private StepResult Go(FlowContext context, string step, FlowData data) =>
        StepResult.Continue(step, data, [.. Prompt(context with { Step = step, Data = data })]);

    private IReadOnlyList<AreaContact> Editable(FlowContext context) => context.Facts.Get<Officer>() switch
    {
        { Role: OfficerRole.Admin } => book.Editable(null),
        { WardId: { } ward } => book.Editable(ward),
        _ => [],
    };

    private static class Step
    {
        public const string Entry = "entry";
        public const string Field = "field";
        public const string Value = "value";
    }
}
