using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Residents;

/// <summary>/start for a newcomer: language → privacy notice and consent → ward → unit → topics → main menu.</summary>
public sealed class OnboardingFlow : IFlow
{
    public const string FlowName = "onboarding";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Language, FlowData.Empty, LanguageStep.Prompt(context));

    public StepResult Handle(FlowContext context)
    {
        var data = context.Data;
        switch (context.Step)
        {
            case Step.Language:
                if (LanguageStep.Parse(context) is not { } language)
                {
                    return StepResult.Invalid(Navigation.WhyNotAButton(context));
                }

                var chosen = context with { Language = language };
                return StepResult.Continue(Step.Consent, data.With("lang", language), ConsentPrompt(chosen)) with { Language = language };

            case Step.Consent:
                if (Navigation.IsBack(context))
                {
                    return StepResult.Continue(Step.Language, data, LanguageStep.Prompt(context));
                }

                return ConsentButton.Parse(Navigation.ButtonData(context)) switch
                {
                    { Given: true } => StepResult.Continue(Step.Ward, data, Thanked(context, AreaStep.WardPrompt(context, withBack: true, withCancel: false))),
                    { Given: false } => StepResult.Done(MainMenu.StartHint(context, "consent.refused")).With(new RecordConsentRefusal(context.Language)),
                    _ => StepResult.Invalid(Navigation.WhyNotAButton(context)),
                };

            case Step.Ward:
                if (Navigation.IsBack(context))
                {
                    return StepResult.Continue(Step.Consent, data, ConsentPrompt(context));
                }

                return AreaStep.ParseWard(context, out var wardProblem) is { } ward
                    ? StepResult.Continue(Step.Unit, data.With("ward", ward.Id).With("page", "0"), AreaStep.UnitPrompt(context, ward, 0, withBack: true, withCancel: false))
                    : StepResult.Invalid(wardProblem!);

            case Step.Unit:
                var currentWard = context.Areas.FindWard(data["ward"] ?? "");
                if (currentWard is null || Navigation.IsBack(context))
                {
                    return StepResult.Continue(Step.Ward, data, AreaStep.WardPrompt(context, withBack: true, withCancel: false));
                }

                if (AreaStep.TurnPage(context, currentWard, Step.Unit, withCancel: false) is { } paged)
                {
                    return paged;
                }

                return AreaStep.ParseUnit(context, currentWard, out var unitProblem) is { } unit
                    ? StepResult.Continue(Step.Topics, data.With("unit", unit.Id).With("topics", "0"), TopicsStep.Prompt(context, Topics.None, withBack: true, withCancel: false))
                    : StepResult.Invalid(unitProblem!);

            case Step.Topics:
                var selected = (Topics)data.GetInt("topics");
                if (Navigation.IsBack(context))
                {
                    return StepResult.Continue(Step.Unit, data, Prompt(context with { Step = Step.Unit }).ToArray());
                }

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
                return selected == Topics.None
                    ? StepResult.Continue(Step.NoTopics, data, NoTopicsPrompt(context))
                    : Finish(context, data, selected);

            case Step.NoTopics:
                if (Navigation.IsBack(context))
                {
                    return StepResult.Continue(Step.Topics, data, TopicsStep.Prompt(context, Topics.None, withBack: true));
                }

                return Navigation.IsDone(context) ? Finish(context, data, Topics.None) : StepResult.Invalid(Navigation.WhyNotAButton(context));

            default:
                return Start(context);
        }
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context)
    {
        var ward = context.Areas.FindWard(context.Data["ward"] ?? "");
        return context.Step switch
        {
            Step.Consent => [ConsentPrompt(context)],
            Step.Ward => [AreaStep.WardPrompt(context, withBack: true, withCancel: false)],
            Step.Unit when ward is not null => [AreaStep.UnitPrompt(context, ward, context.Data.GetInt("page"), withBack: true, withCancel: false)],
            Step.Unit => [AreaStep.WardPrompt(context, withBack: true, withCancel: false)],
            Step.Topics => [TopicsStep.Prompt(context, (Topics)context.Data.GetInt("topics"), withBack: true, withCancel: false)],
            Step.NoTopics => [NoTopicsPrompt(context)],
            _ => [LanguageStep.Prompt(context)],
        };
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
