using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Residents.Steps;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.Extensions.Options;

namespace Antq.Core.Broadcasts;

/// <summary>
/// /broadcast for officers: text (or a photo with a caption) → topic → audience (admins: the city or chosen
/// wards; an officer: their ward) → units of one ward and language, if narrowed → now or at a time → a preview exactly as residents will see it, with the
/// number of recipients → confirm.
/// </summary>
public sealed class BroadcastFlow : IFlow
{
    public const string FlowName = "broadcast";

    /// <summary>Each step once: how it reads the input, what it asks, the step "« Back" returns to given what was chosen.</summary>
    private readonly StepTable<BroadcastDraft> _steps;

    public BroadcastFlow(IOptions<BroadcastOptions> options) => _steps = new StepTable<BroadcastDraft>()
        .Add(Step.Text, (c, d) => Text(c, d, options.Value.MaxTextLength), (c, _) => TextPrompt(c))
        .Add(Step.Topic, Topic, TopicPrompt, back: (_, _) => Step.Text)
        .Add(Step.Audience, Audience, AudiencePrompt, back: (_, _) => Step.Topic)
        .Add(Step.Refine, Refine, RefinePrompt, back: (c, _) => IsAdmin(c) ? Step.Audience : Step.Topic)
        .Add(Step.When, When, (c, _) => WhenPrompt(c), back: (_, _) => Step.Refine)
        .Add(Step.Repeat, Repeat, (c, _) => RepeatPrompt(c), back: (_, _) => Step.When)
        .Add(Step.Days, Days, DaysPrompt, back: (_, _) => Step.Repeat)
        .Add(Step.At, At, AtPrompt, back: (_, d) => d.Recurrence switch
        {
            Recurrence.None => Step.When,
            Recurrence.Weekly => Step.Days,
            _ => Step.Repeat,
        })
        .AddAsking(Step.Preview, Confirm, (c, d) => WithBack(c, BroadcastPreview.Render(c, d)), back: (_, d) => d.At is null ? Step.When : Step.At);

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Text, FlowData.Empty, TextPrompt(context));

    public bool AcceptsMedia(string? step, FlowData data) => step == Step.Text;

    public StepResult Handle(FlowContext context)
    {
        if (context.Facts.Get<Officer>() is null)
        {
            return StepResult.Done(context.Say("officer.not_officer_any_more"));
        }

        var draft = BroadcastDraft.From(context.Data);
        return _steps.Handle(context, draft, step => Go(context, step, draft)) ?? Start(context);
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => _steps.Prompts(context, context.Step, BroadcastDraft.From(context.Data));

    private StepResult Go(FlowContext context, string step, BroadcastDraft draft) =>
        StepResult.Continue(step, draft.Into(context.Data), [.. _steps.Prompts(context, step, draft)]);

    private static bool IsAdmin(FlowContext context) => context.Facts.Get<Officer>()?.Role == OfficerRole.Admin;

    private StepResult Text(FlowContext context, BroadcastDraft draft, int maxTextLength)
    {
        var input = context.Input;
        var photo = input is { Kind: InboundKind.Media, Attachments: [{ Kind: AttachmentKind.Photo } first, ..] } ? first.FileId : null;
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || (photo is null && input.Kind != InboundKind.Text))
        {
            return StepResult.Invalid(context.T("broadcast.text_how"));
        }

        if (text.Length > maxTextLength || (photo is not null && text.Length > BroadcastDraft.MaxCaptionLength))
        {
            return StepResult.Invalid(context.T("error.too_long_officer", photo is null ? maxTextLength : BroadcastDraft.MaxCaptionLength));
        }

        return Go(context, Step.Topic, draft with { Text = text, PhotoFileId = photo });
    }

    /// <summary>An admin chooses the audience next; an officer's broadcast goes to their own ward.</summary>
    private StepResult Topic(FlowContext context, BroadcastDraft draft)
    {
        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Topic) is not { } code || BroadcastTopics.FromCode(code) is not { } topic)
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        return IsAdmin(context)
            ? Go(context, Step.Audience, draft with { Topic = topic, Wards = [], WholeCity = false, Units = [] })
            : Go(context, Step.Refine, draft with { Topic = topic, Wards = [context.Facts.Get<Officer>()!.WardId!], WholeCity = false, Units = [] });
    }

    private StepResult Audience(FlowContext context, BroadcastDraft draft)
    {
        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Ward) is { } wardId && context.Areas.FindWard(wardId) is { } ward)
        {
            var wards = draft.Wards.Contains(ward.Id) ? draft.Wards.Where(w => w != ward.Id).ToList() : [.. draft.Wards, ward.Id];
            var toggled = draft with { Wards = wards, WholeCity = false };
            return StepResult.Continue(Step.Audience, toggled.Into(context.Data), AudiencePrompt(context, toggled) with { ReplacesMessageId = context.Input.ButtonMessageId });
        }

        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Audience) == "city")
        {
            return Go(context, Step.Refine, draft with { Wards = [], WholeCity = true, Units = [] });
        }

        if (Navigation.IsDone(context) && draft.Wards.Count > 0)
        {
            return Go(context, Step.Refine, draft with { Units = [] });
        }

        return StepResult.Invalid(Navigation.IsDone(context) ? context.T("broadcast.pick_a_ward") : Navigation.WhyNotAButton(context));
    }

    private StepResult When(FlowContext context, BroadcastDraft draft) => BroadcastDraftButton.ValueOf(context, BroadcastDraftField.When) switch
    {
        "now" => Go(context, Step.Preview, draft with { At = null }),
        "later" => Go(context, Step.At, draft with { Recurrence = Recurrence.None }),
        "repeat" => Go(context, Step.Repeat, draft),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private StepResult Repeat(FlowContext context, BroadcastDraft draft)
    {
        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Repeat) is not { } repeat || Recurrences.FromCode(repeat) is not { } kind)
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        return Go(context, kind == Recurrence.Weekly ? Step.Days : Step.At, draft with { Recurrence = kind, Weekdays = 0 });
    }

    private StepResult Days(FlowContext context, BroadcastDraft draft)
    {
        if (ToggledDay(context, draft.Weekdays) is { } weekdays)
        {
            var toggled = draft with { Weekdays = weekdays };
            return StepResult.Continue(Step.Days, toggled.Into(context.Data), DaysPrompt(context, toggled) with { ReplacesMessageId = context.Input.ButtonMessageId });
        }

        if (Navigation.IsDone(context))
        {
            return draft.Weekdays == 0 ? StepResult.Invalid(context.T("broadcast.pick_a_day")) : Go(context, Step.At, draft);
        }

        return StepResult.Invalid(Navigation.WhyNotAButton(context));
    }

    private StepResult At(FlowContext context, BroadcastDraft draft)
    {
        var reading = ParseAt(context.Input.Kind == InboundKind.Text ? context.Input.Text : null, context.Now, draft.Recurrence, draft.Weekdays);
        if (reading is { Problem: DateTimeProblem.Past, Utc: { } past })
        {
            return StepResult.Invalid(context.T("datetime.past", LocalTime.Format(past, context.Language)));
        }

        if (reading.Utc is not { } at || !reading.IsRead)
        {
            return StepResult.Invalid(context.T(draft.Recurrence == Recurrence.None ? "broadcast.at_format" : "broadcast.at_format_repeating"));
        }

        return at <= context.Now || at > context.Now.AddYears(1)
            ? StepResult.Invalid(context.T("broadcast.at_range"))
            : Go(context, Step.Preview, draft with { At = at });
    }

    private static StepResult Confirm(FlowContext context, BroadcastDraft draft) => BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Preview) switch
    {
        "send" => StepResult.Done().With(new CreateBroadcast(draft)),
        "cancel" => StepResult.Done(context.Say("broadcast.dropped")),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private static OutgoingMessage TopicPrompt(FlowContext context, BroadcastDraft draft) => new()
    {
        Text = context.T("broadcast.ask_topic"),
        Buttons = [.. Navigation.Rows(BroadcastTopics.All.Select(t => new Button(context.T("broadcast.topic_" + t.Code), new BroadcastDraftButton(BroadcastDraftField.Topic, t.Code).Data)), 2), Navigation.BackAndCancel(context)],
    };

    private static OutgoingMessage WhenPrompt(FlowContext context) => new()
    {
        Text = context.T("broadcast.ask_when"),
        Buttons =
        [
            [new Button(context.T("broadcast.now"), new BroadcastDraftButton(BroadcastDraftField.When, "now").Data), new Button(context.T("broadcast.later"), new BroadcastDraftButton(BroadcastDraftField.When, "later").Data)],
            [new Button(context.T("broadcast.repeat"), new BroadcastDraftButton(BroadcastDraftField.When, "repeat").Data)],
            Navigation.BackAndCancel(context),
        ],
    };

    private static OutgoingMessage RepeatPrompt(FlowContext context) => new()
    {
        Text = context.T("broadcast.ask_repeat"),
        Buttons = [.. Navigation.Rows(Recurrences.Offered.Select(r => new Button(context.T("broadcast.repeat_" + r.Code), new BroadcastDraftButton(BroadcastDraftField.Repeat, r.Code).Data)), 2), Navigation.BackAndCancel(context)],
    };

    private static OutgoingMessage AtPrompt(FlowContext context, BroadcastDraft draft) =>
        context.Say(draft.Recurrence == Recurrence.None ? "broadcast.ask_at" : "broadcast.ask_at_repeating") with
        {
            Buttons = [Navigation.BackAndCancel(context)],
            Expects = ExpectedInput.DateTime,
        };

    /// <summary>The first step: nothing to go back to; the text of a broadcast is written at length.</summary>
    private static OutgoingMessage TextPrompt(FlowContext context) =>
        context.Say("broadcast.ask_text") with { Buttons = [Navigation.CancelOnly(context)], Expects = ExpectedInput.LongText };

    /// <summary>The preview's own buttons already drop the broadcast; "back" under them reopens the step before.</summary>
    private static IReadOnlyList<OutgoingMessage> WithBack(FlowContext context, IReadOnlyList<OutgoingMessage> preview) =>
        preview.Count == 0 ? preview : [.. preview.SkipLast(1), Navigation.WithRow(preview[^1], [Navigation.Back(context)])];

    private static OutgoingMessage AudiencePrompt(FlowContext context, BroadcastDraft draft)
    {
        var rows = Navigation.Rows(
            context.Areas.Wards.Select(w => new Button((draft.Wards.Contains(w.Id) ? "✅ " : "⬜ ") + AreaStep.WardLabel(context, w), new BroadcastDraftButton(BroadcastDraftField.Ward, w.Id).Data)),
            2);
        rows.Add([new Button(context.T("broadcast.whole_city"), new BroadcastDraftButton(BroadcastDraftField.Audience, "city").Data), new Button(context.T("button.done"), Navigation.DoneData)]);
        rows.Add(Navigation.BackAndCancel(context));
        return new OutgoingMessage { Text = context.T("broadcast.ask_audience"), Buttons = rows };
    }

    /// <summary>
    /// A typed local date and time as people write it ("20/12 7h30", "mai 8h"; a bare time is its next coming), in UTC.
    /// On chosen weekdays the first occurrence is the first chosen day from then.
    /// </summary>
    public static DateTimeReading ParseAt(string? text, DateTime now, Recurrence recurrence, int weekdays)
    {
        var reading = TypedDateTime.Read(text, now);
        return reading is { IsRead: true, Utc: { } at } && recurrence == Recurrence.Weekly && weekdays != 0
            ? reading with { Utc = Recurrences.First(Recurrence.Weekly, at, weekdays) }
            : reading;
    }

    private static OutgoingMessage DaysPrompt(FlowContext context, BroadcastDraft draft) => DaysPrompt(context, draft.Weekdays, back: true);

    /// <summary>The days with the one a "bcday:N" button names switched on or off; null when no day button was pressed.</summary>
    internal static int? ToggledDay(FlowContext context, int weekdays) =>
        BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Day) is { } dayCode && int.TryParse(dayCode, CultureInfo.InvariantCulture, out var day) && day is >= 0 and <= 6
            ? weekdays ^ Recurrences.Bit((DayOfWeek)day)
            : null;

    /// <summary>The days of the week as buttons that toggle ("bcday:N"), the chosen ones ticked, then "Done", then back (unless first) and cancel.</summary>
    internal static OutgoingMessage DaysPrompt(FlowContext context, int weekdays, bool back)
    {
        var rows = Navigation.Rows(
            Recurrences.Week.Select(d => new Button(((weekdays & Recurrences.Bit(d)) != 0 ? "✅ " : "⬜ ") + context.T("broadcast.day_" + (int)d), new BroadcastDraftButton(BroadcastDraftField.Day, ((int)d).ToString(CultureInfo.InvariantCulture)).Data)),
            4);
        rows.Add([new Button(context.T("button.done"), Navigation.DoneData)]);
        rows.Add(back ? Navigation.BackAndCancel(context) : Navigation.CancelOnly(context));
        return new OutgoingMessage { Text = context.T("broadcast.ask_days"), Buttons = rows };
    }

    /// <summary>How it repeats in words: "Hằng ngày", or "Hằng tuần vào Thứ Hai, Thứ Năm".</summary>
    public static string RepeatLabel(Func<string, object?[], string> t, Recurrence kind, int weekdays) =>
        kind == Recurrence.Weekly && weekdays != 0
            ? t("broadcast.repeat_weekly_on", [string.Join(", ", Recurrences.Days(weekdays).Select(d => t("broadcast.day_" + (int)d, [])))])
            : t("broadcast.repeat_" + Recurrences.Code(kind), []);

    /// <summary>Narrowing the audience: some units of the one ward (an officer's own), one language, or everyone.</summary>
    private StepResult Refine(FlowContext context, BroadcastDraft draft)
    {
        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Unit) is { } unitId)
        {
            // A unit of another ward is refused here and again when the broadcast is created.
            if (draft.Wards.Count != 1 || draft.WholeCity || context.Areas.FindUnit(unitId) is not { } unit || unit.WardId != draft.Wards[0])
            {
                return StepResult.Invalid(context.T("broadcast.unit_not_yours"));
            }

            var units = draft.Units.Contains(unit.Id) ? draft.Units.Where(u => u != unit.Id).ToList() : [.. draft.Units, unit.Id];
            return Toggled(draft with { Units = units });
        }

        if (BroadcastDraftButton.ValueOf(context, BroadcastDraftField.Language) is { } language && language is "all" or Languages.Vietnamese or Languages.English)
        {
            return Toggled(draft with { Language = language == "all" ? null : language });
        }

        return Navigation.IsDone(context) ? Go(context, Step.When, draft) : StepResult.Invalid(Navigation.WhyNotAButton(context));

        StepResult Toggled(BroadcastDraft toggled) =>
            StepResult.Continue(Step.Refine, toggled.Into(context.Data), RefinePrompt(context, toggled) with { ReplacesMessageId = context.Input.ButtonMessageId });
    }

    private static OutgoingMessage RefinePrompt(FlowContext context, BroadcastDraft draft)
    {
        var rows = new List<IReadOnlyList<Button>>();
        if (draft.Wards.Count == 1 && !draft.WholeCity && context.Areas.FindWard(draft.Wards[0]) is { } ward)
        {
            rows.AddRange(Navigation.Rows(ward.Units.Select(u => new Button((draft.Units.Contains(u.Id) ? "✅ " : "⬜ ") + u.Name, new BroadcastDraftButton(BroadcastDraftField.Unit, u.Id).Data)), 3));
        }

        rows.Add([.. new[] { "all", Languages.Vietnamese, Languages.English }.Select(code =>
            new Button(((draft.Language ?? "all") == code ? "🔘 " : "⚪ ") + context.T("broadcast.lang_" + code), new BroadcastDraftButton(BroadcastDraftField.Language, code).Data))]);
        rows.Add([new Button(context.T("broadcast.continue"), Navigation.DoneData)]);
        rows.Add(Navigation.BackAndCancel(context));
        var units = draft.Wards.Count == 1 && !draft.WholeCity ? context.T("broadcast.ask_units") : "";
        return new OutgoingMessage { Text = context.T("broadcast.ask_refine", Describe(context, draft), units), Buttons = rows };
    }

    /// <summary>The audience in words: the wards (or city), the chosen units, the language.</summary>
    /// <summary>Who the draft goes to, in words.</summary>
    internal static string Describe(FlowContext context, BroadcastDraft draft)
    {
        var where = draft.WholeCity || draft.Wards.Count == 0
            ? context.T("broadcast.whole_city")
            : string.Join(", ", draft.Wards.Select(w => context.Areas.FindWard(w) is { } ward ? AreaStep.WardLabel(context, ward) : w));
        if (draft.Units.Count > 0)
        {
            where += " (" + string.Join(", ", draft.Units.Select(u => context.Areas.FindUnit(u)?.Name ?? u)) + ")";
        }

        return draft.Language is { } language ? where + ", " + context.T("broadcast.only_lang_" + language) : where;
    }

    private static class Step
    {
        public const string Text = "text";
        public const string Topic = "topic";
        public const string Audience = "audience";
        public const string Refine = "refine";
        public const string When = "when";
        public const string At = "at";
        public const string Repeat = "repeat";
        public const string Days = "days";
        public const string Preview = "preview";
    }
}
