using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Microsoft.Extensions.Options;

namespace Antq.Core.Broadcasts;

/// <summary>Editing a scheduled broadcast from its card: the new text, the new time, or a weekly one's days → <see cref="UpdateBroadcast"/>.</summary>
public sealed class EditBroadcastFlow(IOptions<BroadcastOptions> options) : IFlow
{
    public const string FlowName = "broadcastedit";

    public string Name => FlowName;

    public int Version => 1;

    /// <summary>Starts on the step named in <paramref name="context"/>'s data ("text", "time" or "days").</summary>
    public StepResult Start(FlowContext context)
    {
        var step = context.Data["what"] is { } named && named is "time" or "days" ? named : "text";
        return StepResult.Continue(step, context.Data, Ask(context, step, Days(context)));
    }

    public StepResult Handle(FlowContext context)
    {
        if (context.Facts.Get<Officer>() is null)
        {
            return StepResult.Done(context.Say("officer.not_officer_any_more"));
        }

        var id = long.Parse(context.Data["broadcast"]!, CultureInfo.InvariantCulture);
        if (context.Step == "days")
        {
            var days = Days(context);
            if (BroadcastFlow.ToggledDay(context, days) is { } toggled)
            {
                return StepResult.Continue("days", context.Data.With("days", toggled.ToString(CultureInfo.InvariantCulture)), BroadcastFlow.DaysPrompt(context, toggled, back: false) with { ReplacesMessageId = context.Input.ButtonMessageId });
            }

            if (Navigation.IsDone(context))
            {
                return days == 0 ? StepResult.Invalid(context.T("broadcast.pick_a_day")) : StepResult.Done().With(new UpdateBroadcast(id, null, null, days));
            }

            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var text = context.Input.Kind == InboundKind.Text ? context.Input.Text?.Trim() : null;
        if (context.Step == "time")
        {
            // A bare time is read as its next coming; the change fits it to the broadcast's days.
            var reading = BroadcastFlow.ParseAt(text, context.Now, Recurrence.Daily, 0);
            if (reading is { Problem: DateTimeProblem.Past, Utc: { } past })
            {
                return StepResult.Invalid(context.T("datetime.past", LocalTime.Format(past, context.Language)));
            }

            return reading is { IsRead: true, Utc: { } at } && at > context.Now && at < context.Now.AddYears(1)
                ? StepResult.Done().With(new UpdateBroadcast(id, null, at))
                : StepResult.Invalid(context.T("broadcast.at_format_repeating"));
        }

        if (string.IsNullOrEmpty(text))
        {
            return StepResult.Invalid(context.T("broadcast.text_how"));
        }

        return text.Length > options.Value.MaxTextLength
            ? StepResult.Invalid(context.T("error.too_long_officer", options.Value.MaxTextLength))
            : StepResult.Done().With(new UpdateBroadcast(id, text, null));
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [Ask(context, context.Step ?? "text", Days(context))];

    private static int Days(FlowContext context) =>
        int.TryParse(context.Data["days"], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days < 128 ? days : 0;

    private static OutgoingMessage Ask(FlowContext context, string step, int days) => step switch
    {
        "days" => BroadcastFlow.DaysPrompt(context, days, back: false),
        "time" => context.Say("broadcast.ask_new_time", context.Data["broadcast"]) with { Buttons = [Navigation.CancelOnly(context)], Expects = ExpectedInput.DateTime },
        _ => context.Say("broadcast.ask_new_text", context.Data["broadcast"]) with { Buttons = [Navigation.CancelOnly(context)], Expects = ExpectedInput.LongText },
    };
}
