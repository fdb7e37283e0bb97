using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Residents.Steps;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Events;

/// <summary>
/// /event for officers: title → description → ward (admins choose; an officer's is their own) → place → start →
/// end → reminders (toggles; 3 days, 1 day and 2 hours before unless changed) → preview → confirm. Confirming announces it to the ward's followers of festivals and events.
/// </summary>
public sealed class EventFlow : IFlow
{
    public const string FlowName = "event";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Title, FlowData.Empty, Ask(context, Step.Title, new EventDraft()));

    public StepResult Handle(FlowContext context)
    {
        if (context.Facts.Get<Officer>() is not { } officer)
        {
            return StepResult.Done(context.Say("officer.not_officer_any_more"));
        }

        var draft = EventDraft.From(context.Data);
        if (Navigation.IsBack(context) && Back(context.Step, officer) is { } previous)
        {
            return Go(context, previous, draft);
        }

        var text = context.Input.Kind == InboundKind.Text ? context.Input.Text?.Trim() : null;
        switch (context.Step)
        {
            case Step.Title:
                return Typed(context, text, 3, 150) ?? Go(context, Step.Description, draft with { Title = text });
            case Step.Description:
                var next = officer.Role == OfficerRole.Admin ? Step.Ward : Step.Place;
                return Typed(context, text, 3, 2000) ?? Go(context, next, draft with { Description = text, WardId = officer.Role == OfficerRole.Admin ? null : officer.WardId });
            case Step.Ward:
                return AreaStep.ParseWard(context, out var problem) is { } ward
                    ? Go(context, Step.Place, draft with { WardId = ward.Id })
                    : StepResult.Invalid(problem!);
            case Step.Place:
                return Typed(context, text, 3, 300) ?? Go(context, Step.Start, draft with { Place = text });
            case Step.Start:
                return ReadStart(context, text) is { } start
                    ? Go(context, Step.End, draft with { StartsAt = start })
                    : StepResult.Invalid(StartProblem(context, text));
            case Step.End:
                return ReadEnd(text, draft.StartsAt!.Value, context.Now) is { } e
                    ? Go(context, Step.Reminders, draft with { EndsAt = e, Reminders = draft.Reminders ?? EventReminders.Default })
                    : StepResult.Invalid(context.T("event.end_how"));
            case Step.Reminders:
                if (Navigation.ButtonArgument(context, "evremind:") is { } code && int.TryParse(code, CultureInfo.InvariantCulture, out var minutes) && EventReminders.Offered.Contains(minutes))
                {
                    var chosen = draft.Reminders ?? EventReminders.Default;
                    var toggled = draft with { Reminders = chosen.Contains(minutes) ? [.. chosen.Where(m => m != minutes)] : [.. chosen, minutes] };
                    return StepResult.Continue(Step.Reminders, toggled.Into(context.Data), RemindersPrompt(context, toggled) with { ReplacesMessageId = context.Input.ButtonMessageId });
                }

                return Navigation.IsDone(context) ? Go(context, Step.Preview, draft) : StepResult.Invalid(Navigation.WhyNotAButton(context));
            case Step.Preview:
                return Navigation.ButtonArgument(context, "ev:") switch
                {
                    "create" => StepResult.Done().With(new CreateEvent(draft)),
                    "drop" => StepResult.Done(context.Say("broadcast.dropped")),
                    _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
                };
            default:
                return Start(context);
        }
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [Ask(context, context.Step ?? Step.Title, EventDraft.From(context.Data))];

    /// <summary>The announcement residents get, with the answer buttons.</summary>
    public static OutgoingMessage Announcement(Func<string, object?[], string> t, long id, EventDraft e, string wardLabel, string language = Languages.Default) => new()
    {
        Text = t("event.announcement", [e.Title, e.Description, e.Place, wardLabel, LocalTime.Format(e.StartsAt!.Value, language), LocalTime.Format(e.EndsAt!.Value, language)]),
        Buttons = [[new Button(t("event.coming", []), new RsvpButton(id, Coming: true).Data), new Button(t("event.not_coming", []), new RsvpButton(id, Coming: false).Data)]],
    };

    /// <summary>A typed start ("20/12 7h30", "thứ bảy 9h") in UTC when it is to come within a year; else null.</summary>
    internal static DateTime? ReadStart(FlowContext context, string? text) =>
        TypedDateTime.Read(text, context.Now) is { IsRead: true, Utc: { } start } && start <= context.Now.AddYears(1) ? start : null;

    /// <summary>Why a typed start was refused: a moment past is named, anything else gets the examples.</summary>
    internal static string StartProblem(FlowContext context, string? text) =>
        TypedDateTime.Read(text, context.Now) is { Problem: DateTimeProblem.Past, Utc: { } past }
            ? context.T("datetime.past", LocalTime.Format(past, context.Language))
            : context.T("event.start_how");

    /// <summary>A typed end after <paramref name="start"/>: a bare time ("11h") is on the start's day.</summary>
    internal static DateTime? ReadEnd(string? text, DateTime start, DateTime now) =>
        TypedDateTime.Read(text, now, DateOnly.FromDateTime(LocalTime.ToLocal(start))) is { Utc: { } end } && end > start ? end : null;

    private static StepResult? Typed(FlowContext context, string? text, int min, int max) =>
        text is null || text.Length < min ? StepResult.Invalid(context.T("event.text_how", min))
        : text.Length > max ? StepResult.Invalid(context.T("error.too_long", max))
        : null;

    private static StepResult Go(FlowContext context, string step, EventDraft draft) =>
        StepResult.Continue(step, draft.Into(context.Data), Ask(context, step, draft));

    private static OutgoingMessage Ask(FlowContext context, string step, EventDraft draft) => step switch
    {
        Step.Description => context.Say("event.ask_description") with { Buttons = [Navigation.BackAndCancel(context)], Expects = ExpectedInput.LongText },
        Step.Ward => AreaStep.WardPrompt(context, withBack: true),
        Step.Place => context.Say("event.ask_place") with { Buttons = [Navigation.BackAndCancel(context)] },
        Step.Start => context.Say("event.ask_start") with { Buttons = [Navigation.BackAndCancel(context)], Expects = ExpectedInput.DateTime },
        Step.End => context.Say("event.ask_end") with { Buttons = [Navigation.BackAndCancel(context)], Expects = ExpectedInput.DateTime },
        Step.Reminders => RemindersPrompt(context, draft),
        Step.Preview => Navigation.WithRow(Preview(context, draft), [Navigation.Back(context)]),
        _ => context.Say("event.ask_title") with { Buttons = [Navigation.CancelOnly(context)] },
    };

    /// <summary>The step "« Back" returns to; what was typed or chosen there is kept in the draft.</summary>
    private static string? Back(string? step, Officer officer) => step switch
    {
        Step.Description => Step.Title,
        Step.Ward => Step.Description,
        Step.Place => officer.Role == OfficerRole.Admin ? Step.Ward : Step.Description,
        Step.Start => Step.Place,
        Step.End => Step.Start,
        Step.Reminders => Step.End,
        Step.Preview => Step.Reminders,
        _ => null,
    };

    private static OutgoingMessage RemindersPrompt(FlowContext context, EventDraft draft)
    {
        var chosen = draft.Reminders ?? EventReminders.Default;
        var rows = Navigation.Rows(
            EventReminders.Offered.Select(m => new Button((chosen.Contains(m) ? "✅ " : "⬜ ") + context.T(EventReminders.Key(m)), "evremind:" + m.ToString(CultureInfo.InvariantCulture))),
            3);
        rows.Add([new Button(context.T("button.done"), Navigation.DoneData)]);
        rows.Add(Navigation.BackAndCancel(context));
        return new OutgoingMessage { Text = context.T("event.ask_reminders"), Buttons = rows };
    }

    /// <summary>The chosen reminders in words, earliest first: "3 ngày, 1 ngày, 2 giờ".</summary>
    public static string DescribeReminders(Func<string, string> t, IReadOnlyList<int> minutes) =>
        minutes.Count == 0 ? t("event.remind_none") : string.Join(", ", minutes.OrderDescending().Select(m => t(EventReminders.Key(m))));

    private static OutgoingMessage Preview(FlowContext context, EventDraft draft)
    {
        var ward = context.Areas.FindWard(draft.WardId ?? "");
        var announcement = Announcement((key, args) => context.T(key, args), 0, draft, ward is null ? "" : AreaStep.WardLabel(context, ward), context.Language);
        return new OutgoingMessage
        {
            Text = context.T("event.preview", announcement.Text, DescribeReminders(key => context.T(key), draft.Reminders ?? EventReminders.Default)),
            Buttons = [[new Button(context.T("event.create"), "ev:create"), new Button(context.T("broadcast.drop"), "ev:drop")]],
        };
    }

    private static class Step
    {
        public const string Title = "title";
        public const string Description = "description";
        public const string Ward = "ward";
        public const string Place = "place";
        public const string Start = "start";
        public const string End = "end";
        public const string Reminders = "reminders";
        public const string Preview = "preview";
    }
}
