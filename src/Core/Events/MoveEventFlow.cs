using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Locale;

namespace Antq.Core.Events;

/// <summary>Moving an event: new start → new end → <see cref="MoveEvent"/> (reminders follow, those coming are told).</summary>
public sealed class MoveEventFlow : IFlow
{
    public const string FlowName = "eventmove";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue("start", context.Data, Ask(context, "start"));

    public StepResult Handle(FlowContext context)
    {
        if (context.Facts.Get<Officer>() is null)
        {
            return StepResult.Done(context.Say("officer.not_officer_any_more"));
        }

        if (Navigation.IsBack(context) && context.Step == "end")
        {
            return StepResult.Continue("start", context.Data, Ask(context, "start"));
        }

        var text = context.Input.Kind == InboundKind.Text ? context.Input.Text?.Trim() : null;
        if (context.Step == "start")
        {
            return EventFlow.ReadStart(context, text) is { } start
                ? StepResult.Continue("end", context.Data.With("start", start.ToString("O", CultureInfo.InvariantCulture)), Ask(context, "end"))
                : StepResult.Invalid(EventFlow.StartProblem(context, text));
        }

        var newStart = DateTime.Parse(context.Data["start"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        return EventFlow.ReadEnd(text, newStart, context.Now) is { } e
            ? StepResult.Done().With(new MoveEvent(long.Parse(context.Data["event"]!, CultureInfo.InvariantCulture), newStart, e))
            : StepResult.Invalid(context.T("event.end_how"));
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [Ask(context, context.Step ?? "start")];

    private static OutgoingMessage Ask(FlowContext context, string step) => step == "end"
        ? context.Say("event.ask_end") with { Buttons = [Navigation.BackAndCancel(context)], Expects = ExpectedInput.DateTime }
        : context.Say("event.ask_new_start") with { Buttons = [Navigation.CancelOnly(context)], Expects = ExpectedInput.DateTime };
}
