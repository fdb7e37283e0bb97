using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Residents;

/// <summary>/start for a newcomer: language → privacy notice and consent → ward → unit → topics → main menu.</summary>
public sealed class OnboardingFlow : IFlow
{
    public const string FlowName = "onboarding";

    /// <summary>Each step once: how it reads the input, what it asks, the step "« Back" returns to. No step offers Cancel.</summary>
    private static readonly StepTable<FlowData> Steps = new StepTable<FlowData>()
        .Add(Step.Language, ChooseLanguage, (c, _) => LanguageStep.Prompt(c))
        .Add(Step.Consent, Consent, (c, _) => ConsentPrompt(c), back: (_, _) => Step.Language)
        .Add(
            Step.Ward,
            (c, d) => AreaStep.ParseWard(c, out var problem) is { } ward ? Go(c, Step.Unit, d.With("ward", ward.Id).With("page", "0")) : StepResult.Invalid(problem!),
            (c, _) => AreaStep.WardPrompt(c, withBack: true, withCancel: false),
            back: (_, _) => Step.Consent)
        .Add(Step.Unit, ChooseUnit, UnitPrompt, back: (_, _) => Step.Ward)
        .Add(Step.Topics, ChooseTopics, (c, d) => TopicsStep.Prompt(c, (Topics)d.GetInt("topics"), withBack: true, withCancel: false), back: (_, _) => Step.Unit)
        .Add(
            Step.NoTopics,
            (c, d) => Navigation.IsDone(c) ? Finish(c, d, Topics.None) : StepResult.Invalid(Navigation.WhyNotAButton(c)),
            (c, _) => NoTopicsPrompt(c),
            back: (_, _) => Step.Topics);

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Language, FlowData.Empty, Steps.Prompt(context, Step.Language, FlowData.Empty));

    public StepResult Handle(FlowContext context) => Steps.Handle(context, context.Data, step => Go(context, step, context.Data)) ?? Start(context);

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => Steps.Prompts(context, context.Step, context.Data);

    private static StepResult Go(FlowContext context, string step, FlowData data) => StepResult.Continue(step, data, Steps.Prompt(context, step, data));

    // The consent notice comes in the language just chosen.
    private static StepResult ChooseLanguage(FlowContext context, FlowData data) => LanguageStep.Parse(context) is { } language
        ? Go(context with { Language = language }, Step.Consent, data.With("lang", language)) with { Language = language }
        : StepResult.Invalid(Navigation.WhyNotAButton(context));

    private static StepResult Consent(FlowContext context, FlowData data) => ConsentButton.Parse(Navigation.ButtonData(context)) switch
    {
        { Given: true } => StepResult.Continue(Step.Ward, data, Thanked(context, Steps.Prompt(context, Step.Ward, data))),
        { Given: false } => StepResult.Done(MainMenu.StartHint(context, "consent.refused")).With(new RecordConsentRefusal(context.Language)),
        _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
    };

    private static StepResult ChooseUnit(FlowContext context, FlowData data)
    {
        if (context.Areas.FindWard(data["ward"] ?? "") is not { } ward)
        {
            return Go(context, Step.Ward, data);
        }

        if (AreaStep.TurnPage(context, ward, Step.Unit, withCancel: false) is { } paged)
        {
            return paged;
        }

        return AreaStep.ParseUnit(context, ward, out var problem) is { } unit
            ? Go(context, Step.Topics, data.With("unit", unit.Id).With("topics", "0"))
            : StepResult.Invalid(problem!);
    }

    // A ward the area file no longer has is asked for again.
    private static OutgoingMessage UnitPrompt(FlowContext context, FlowData data) => context.Areas.FindWard(data["ward"] ?? "") is { } ward
        ? AreaStep.UnitPrompt(context, ward, data.GetInt("page"), withBack: true, withCancel: false)
        : AreaStep.WardPrompt(context, withBack: true, withCancel: false);

    private static StepResult ChooseTopics(FlowContext context, FlowData data)
    {
        var selected = (Topics)data.GetInt("topics");
        if (TopicsStep.Toggle(context, selected) is { } toggled)
        {
            var prompt = TopicsStep.Prompt(context, toggled, withBack: true, replaces: context.Input.ButtonMessageId, withCancel: false);
            return StepResult.Continue(Step.Topics, data.With("topics", ((int)toggled).ToString(System.Globalization.CultureInfo.InvariantCulture)), prompt);
        }

        if (!Navigation.IsDone(context))
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        // No topic at all means urgent notices only: a choice to confirm, not one made by a tap too soon.
        return selected == Topics.None ? Go(context, Step.NoTopics, data) : Finish(context, data, selected);
    }

    private static OutgoingMessage ConsentPrompt(FlowContext context) => new()
    {
        Text = context.T("consent.notice", context.MessagesKeptDays),
        Buttons =
        [
            [new Button(context.T("consent.agree"), ConsentButton.Agree.Data), new Button(context.T("consent.decline"), ConsentButton.Decline.Data)],
            [Navigation.Back(context)],
        ],
    };

    private static StepResult Finish(FlowContext context, FlowData data, Topics topics)
    {
        var profile = new SaveResidentProfile(context.Language, data["ward"], data["unit"], topics);
        return StepResult.Done(Completed(context, profile), MainMenu.Render(context)).With(profile);
    }

    // The thanks for consenting and the next question make one message.
    private static OutgoingMessage Thanked(FlowContext context, OutgoingMessage next) => next with { Text = context.T("consent.thanks") + "\n\n" + next.Text };

    private static OutgoingMessage NoTopicsPrompt(FlowContext context) => new()
    {
        Text = context.T("onboarding.no_topics"),
        Buttons = [[new Button(context.T("onboarding.no_topics_confirm"), Navigation.DoneData)], [new Button(context.T("onboarding.no_topics_choose"), Navigation.BackData)]],
    };

    private static OutgoingMessage Completed(FlowContext context, SaveResidentProfile profile)
    {
        var ward = context.Areas.FindWard(profile.WardId ?? "");
        var unit = context.Areas.FindUnit(profile.UnitId ?? "");
        var area = ward is null || unit is null ? "" : $"{unit.Name}, {AreaStep.WardLabel(context, ward)}";
        return context.Say("onboarding.done", area, TopicsStep.Describe(context, profile.Topics));
    }

    private static class Step
    {
        public const string Language = "language";
        public const string Consent = "consent";
        public const string Ward = "ward";
        public const string Unit = "unit";
        public const string Topics = "topics";
        public const string NoTopics = "no_topics";
    }
}
