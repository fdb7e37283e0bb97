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

    /// <summary>Each step once: how it reads the input, what it asks, the step "« Back" returns to.</summary>
    private static readonly StepTable<EventDraft> Steps = new StepTable<EventDraft>()
        .Add(
            Step.Title,
            (c, d) => Typed(c, 3, 150) ?? Go(c, Step.Description, d with { Title = TextOf(c) }),
            (c, _) => c.Say("event.ask_title") with { Buttons = [Navigation.CancelOnly(c)] })
        .Add(
            Step.Description,
            Description,
            (c, _) => c.Say("event.ask_description") with { Buttons = [Navigation.BackAndCancel(c)], Expects = ExpectedInput.LongText },
            back: (_, _) => Step.Title)
        .Add(
            Step.Ward,
            (c, d) => AreaStep.ParseWard(c, out var problem) is { } ward ? Go(c, Step.Place, d with { WardId = ward.Id }) : StepResult.Invalid(problem!),
            (c, _) => AreaStep.WardPrompt(c, withBack: true),
            back: (_, _) => Step.Description)
        .Add(
            Step.Place,
            (c, d) => Typed(c, 3, 300) ?? Go(c, Step.Start, d with { Place = TextOf(c) }),
            (c, _) => c.Say("event.ask_place") with { Buttons = [Navigation.BackAndCancel(c)] },
            back: (c, _) => IsAdmin(c) ? Step.Ward : Step.Description)
        .Add(
            Step.Start,
            (c, d) => ReadStart(c, TextOf(c)) is { } start ? Go(c, Step.End, d with { StartsAt = start }) : StepResult.Invalid(StartProblem(c, TextOf(c))),
            (c, _) => c.Say("event.ask_start") with { Buttons = [Navigation.BackAndCancel(c)], Expects = ExpectedInput.DateTime },
            back: (_, _) => Step.Place)
        .Add(
            Step.End,
            (c, d) => ReadEnd(TextOf(c), d.StartsAt!.Value, c.Now) is { } end
                ? Go(c, Step.Reminders, d with { EndsAt = end, Reminders = d.Reminders ?? EventReminders.Default })
                : StepResult.Invalid(c.T("event.end_how")),
            (c, _) => c.Say("event.ask_end") with { Buttons = [Navigation.BackAndCancel(c)], Expects = ExpectedInput.DateTime },
            back: (_, _) => Step.Start)
        .Add(Step.Reminders, Reminders, RemindersPrompt, back: (_, _) => Step.End)
        .Add(Step.Preview, Confirm, (c, d) => Navigation.WithRow(Preview(c, d), [Navigation.Back(c)]), back: (_, _) => Step.Reminders);

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Title, FlowData.Empty, Steps.Prompt(context, Step.Title, new EventDraft()));

    public StepResult Handle(FlowContext context)
    {
        if (context.Facts.Get<Officer>() is null)
        {
            return StepResult.Done(context.Say("officer.not_officer_any_more"));
        }

        var draft = EventDraft.From(context.Data);
        return Steps.Handle(context, draft, step => Go(context, step, draft)) ?? Start(context);
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => [Steps.Prompt(context, context.Step, EventDraft.From(context.Data))];

    /// <summary>The announcement residents get, with the answer buttons.</summary>
    public static OutgoingMessage Announcement(Func<string, object?[], string> t, long id, EventDraft e, string wardLabel, string language = Languages.Default) => new()
    {
        Text = t("event.announcement", [e.Title, e.Description, e.Place, wardLabel, LocalTime.Span(e.StartsAt!.Value, e.EndsAt!.Value, language)]),
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

    private static string? TextOf(FlowContext context) => context.Input.Kind == InboundKind.Text ? context.Input.Text?.Trim() : null;

    private static bool IsAdmin(FlowContext context) => context.Facts.Get<Officer>()?.Role == OfficerRole.Admin;

    private static StepResult? Typed(FlowContext context, int min, int max) =>
        TextOf(context) is not { } text || text.Length < min ? StepResult.Invalid(context.T("event.text_how", min))
        : text.Length > max ? StepResult.Invalid(context.T("error.too_long_officer", max))
        : null;

    private static StepResult Go(FlowContext context, string step, EventDraft draft) =>
        StepResult.Continue(step, draft.Into(context.Data), Steps.Prompt(context, step, draft));

    /// <summary>An admin chooses the ward next; an officer's event is in their own ward.</summary>
    private static StepResult Description(FlowContext context, EventDraft draft)
    {
        var admin = IsAdmin(context);
        var wardId = admin ? null : context.Facts.Get<Officer>()?.WardId;
        return Typed(context, 3, 2000) ?? Go(context, admin ? Step.Ward : Step.Place, draft with { Description = TextOf(context), WardId = wardId });
    }

    private static StepResult Reminders(FlowContext context, EventDraft draft)
    {
        if (EventDraftButton.Of(context)?.ReminderMinutes is { } minutes && EventReminders.Offered.Contains(minutes))
        {
            var chosen = draft.Reminders ?? EventReminders.Default;
            var toggled = draft with { Reminders = chosen.Contains(minutes) ? [.. chosen.Where(m => m != minutes)] : [.. chosen, minutes] };
            return StepResult.Continue(Step.Reminders, toggled.Into(context.Data), RemindersPrompt(context, toggled) with { ReplacesMessageId = context.Input.ButtonMessageId });
        }

        return Navigation.IsDone(context) ? Go(context, Step.Preview, draft) : StepResult.Invalid(Navigation.WhyNotAButton(context));
    }

    private static StepResult Confirm(FlowContext context, EventDraft draft) => EventDraftButton.Of(context)?.PreviewChoice switch
    {
        "create" => StepResult.Done().With(new CreateEvent(draft)),
        "drop" => StepResult.Done(context.Say("broadcast.dropped")),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private static OutgoingMessage RemindersPrompt(FlowContext context, EventDraft draft)
    {
        var chosen = draft.Reminders ?? EventReminders.Default;
        var rows = Navigation.Rows(
            EventReminders.Offered.Select(m => new Button((chosen.Contains(m) ? "✅ " : "⬜ ") + context.T(EventReminders.Key(m)), EventDraftButton.Reminder(m).Data)),
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
            Text = context.T("event.preview", announcement.Text, DescribeReminders(key => context.T(key), draft.Reminders ?? EventReminders.Default), AnnouncedWhen(context)),
            Buttons = [[new Button(context.T("event.create"), EventDraftButton.Preview("create").Data), new Button(context.T("broadcast.drop"), EventDraftButton.Preview("drop").Data)]],
        };
    }

    /// <summary>When the announcement will go if confirmed now: at once, or when quiet hours end.</summary>
    private static string AnnouncedWhen(FlowContext context) =>
        context.QuietHours?.NextAllowed(context.Now) is { } goes && goes > context.Now
            ? context.T("event.announce_quiet", LocalTime.Format(goes, context.Language), context.QuietHours.Window)
            : context.T("event.announce_now");

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
