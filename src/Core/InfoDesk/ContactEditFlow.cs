using Antq.Core.Conversations;
using Antq.Core.Officers;

namespace Antq.Core.InfoDesk;

/// <summary>
/// /contact (officers): pick an entry of the contact book in one's ward → the field → the new value, saved as an
/// override (<see cref="SaveContactOverride"/>) that residents see at once in /info.
/// </summary>
public sealed class ContactEditFlow : IFlow
{
    public const string FlowName = "contactedit";

    private readonly ContactBook _book;

    /// <summary>Each step once: how it reads the input and what it asks (no step goes back: each is one tap or one answer).</summary>
    private readonly StepTable<FlowData> _steps;

    public ContactEditFlow(ContactBook book)
    {
        _book = book;
        _steps = new StepTable<FlowData>()
            .Add(Step.Entry, Entry, EntryPrompt)
            .Add(Step.Field, Field, FieldPrompt)
            .Add(Step.Value, (c, _) => Value(c), (c, d) => c.Say("contact.value_prompt", c.T("contact.field_" + d["field"]), _book.Find(d["entry"] ?? "")?.Name ?? ""));
    }

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => Editable(context).Count == 0
        ? StepResult.Done(context.Say("contact.none"))
        : Go(context, Step.Entry, FlowData.Empty);

    public StepResult Handle(FlowContext context) => _steps.Handle(context, context.Data, step => Go(context, step, context.Data)) ?? Start(context);

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => _steps.Prompts(context, context.Step, context.Data);

    private StepResult Entry(FlowContext context, FlowData data)
    {
        var entry = ContactEditButton.Parse(Navigation.ButtonData(context))?.EntryId;
        return entry is not null && Editable(context).Any(c => c.Id == entry)
            ? Go(context, Step.Field, data.With("entry", entry))
            : StepResult.Invalid(Navigation.WhyNotAButton(context));
    }

    private OutgoingMessage EntryPrompt(FlowContext context, FlowData data) => new()
    {
        Text = context.T("contact.pick"),
        Buttons = Navigation.Rows(Editable(context).Select(c => new Button(Label(context, c), ContactEditButton.Entry(c.Id).Data)), 1),
    };

    private StepResult Field(FlowContext context, FlowData data)
    {
        var field = ContactEditButton.Parse(Navigation.ButtonData(context))?.Field;
        return field is not null && AreaContact.Fields.Contains(field)
            ? Go(context, Step.Value, data.With("field", field))
            : StepResult.Invalid(Navigation.WhyNotAButton(context));
    }

    private OutgoingMessage FieldPrompt(FlowContext context, FlowData data) => new()
    {
        Text = context.T("contact.field", _book.Find(data["entry"] ?? "")?.Name ?? ""),
        Buttons = Navigation.Rows(AreaContact.Fields.Select(f => new Button(context.T("contact.field_" + f), ContactEditButton.ForField(f).Data)), 2),
    };

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

    private StepResult Go(FlowContext context, string step, FlowData data) => StepResult.Continue(step, data, _steps.Prompt(context, step, data));

    private IReadOnlyList<AreaContact> Editable(FlowContext context) => context.Facts.Get<Officer>() switch
    {
        { Role: OfficerRole.Admin } => _book.Editable(null),
        { WardId: { } ward } => _book.Editable(ward),
        _ => [],
    };

    private static class Step
    {
        public const string Entry = "entry";
        public const string Field = "field";
        public const string Value = "value";
    }
}
