using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Residents;

/// <summary>/settings: change language, area or topics; each change is saved as soon as it is made.</summary>
public sealed class SettingsFlow : IFlow
{
    public const string FlowName = "settings";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => StepResult.Continue(Step.Choose, FlowData.Empty, ChoosePrompt(context, context.Resident!));

    public StepResult Handle(FlowContext context)
    {
        var resident = context.Resident!;
        var data = context.Data;
        if (Navigation.IsBack(context) && context.Step != Step.Choose)
        {
            return context.Step == Step.Unit
                ? StepResult.Continue(Step.Ward, data, AreaStep.WardPrompt(context, withBack: true))
                : StepResult.Continue(Step.Choose, FlowData.Empty, ChoosePrompt(context, resident));
        }

        switch (context.Step)
        {
            case Step.Choose:
                if (Navigation.IsDone(context))
                {
                    return StepResult.Done(MainMenu.Render(context));
                }

                var setting = SettingsButton.Parse(Navigation.ButtonData(context));
                return setting is null ? StepResult.Invalid(Navigation.WhyNotAButton(context))
                    : setting == SettingsButton.Language ? StepResult.Continue(Step.Language, data, LanguageStep.Prompt(context, withBack: true))
                    : setting == SettingsButton.Area ? StepResult.Continue(Step.Ward, data, AreaStep.WardPrompt(context, withBack: true))
                    : StepResult.Continue(Step.Topics, data.With("topics", Int(resident.Topics)), TopicsStep.Prompt(context, resident.Topics, withBack: true));

            case Step.Language:
                if (LanguageStep.Parse(context) is not { } language)
                {
                    return StepResult.Invalid(Navigation.WhyNotAButton(context));
                }

                var now = context with { Language = language };
                return Saved(now, Snapshot(resident, language: language)).With(new ChangeResidentLanguage(language)) with { Language = language };

            case Step.Ward:
                return AreaStep.ParseWard(context, out var wardProblem) is { } ward
                    ? StepResult.Continue(Step.Unit, data.With("ward", ward.Id).With("page", "0"), AreaStep.UnitPrompt(context, ward, 0, withBack: true))
                    : StepResult.Invalid(wardProblem!);

            case Step.Unit:
                var chosenWard = context.Areas.FindWard(data["ward"] ?? "");
                if (chosenWard is null)
                {
                    return StepResult.Continue(Step.Ward, data, AreaStep.WardPrompt(context, withBack: true));
                }

                if (AreaStep.TurnPage(context, chosenWard, Step.Unit) is { } paged)
                {
                    return paged;
                }

                if (AreaStep.ParseUnit(context, chosenWard, out var unitProblem) is not { } unit)
                {
                    return StepResult.Invalid(unitProblem!);
                }

                var moved = Snapshot(resident, wardId: chosenWard.Id, unitId: unit.Id);
                return Saved(context, moved).With(Profile(moved));

            case Step.Topics:
                var selected = (Topics)data.GetInt("topics");
                if (TopicsStep.Toggle(context, selected) is { } toggled)
                {
                    return StepResult.Continue(Step.Topics, data.With("topics", Int(toggled)), TopicsStep.Prompt(context, toggled, withBack: true, replaces: context.Input.ButtonMessageId));
                }

                if (!Navigation.IsDone(context))
                {
                    return StepResult.Invalid(Navigation.WhyNotAButton(context));
                }

                var followed = Snapshot(resident, topics: selected);
                return Saved(context, followed).With(Profile(followed));

            default:
                return Start(context);
        }
    }

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context)
    {
        var ward = context.Areas.FindWard(context.Data["ward"] ?? "");
        return context.Step switch
        {
            Step.Language => [LanguageStep.Prompt(context, withBack: true)],
            Step.Ward => [AreaStep.WardPrompt(context, withBack: true)],
            Step.Unit when ward is not null => [AreaStep.UnitPrompt(context, ward, context.Data.GetInt("page"), withBack: true)],
            Step.Topics => [TopicsStep.Prompt(context, (Topics)context.Data.GetInt("topics"), withBack: true)],
            _ => [ChoosePrompt(context, context.Resident!)],
        };
    }

    // One answer, one message: "saved" heads the settings card it changed.
    private static StepResult Saved(FlowContext context, Resident updated)
    {
        var card = ChoosePrompt(context, updated);
        return StepResult.Continue(Step.Choose, FlowData.Empty, card with { Text = context.T("settings.saved") + "\n\n" + card.Text });
    }

    private static OutgoingMessage ChoosePrompt(FlowContext context, Resident resident) => new()
    {
        Text = context.T("settings.current", ResidentDescription.Area(context, resident), TopicsStep.Describe(context, resident.Topics), context.T("language.name")),
        Buttons =
        [
            [new Button(context.T("settings.language"), SettingsButton.Language.Data), new Button(context.T("settings.area"), SettingsButton.Area.Data)],
            [new Button(context.T("settings.topics"), SettingsButton.Topics.Data), new Button(context.T("button.done"), Navigation.DoneData)],
        ],
    };

    private static SaveResidentProfile Profile(Resident r) => new(r.Language, r.WardId, r.UnitId, r.Topics);

    private static Resident Snapshot(Resident r, string? language = null, string? wardId = null, string? unitId = null, Topics? topics = null) => new()
    {
        Channel = r.Channel,
        ExternalUserId = r.ExternalUserId,
        ChatId = r.ChatId,
        Language = language ?? r.Language,
        WardId = wardId ?? r.WardId,
        UnitId = unitId ?? r.UnitId,
        Topics = topics ?? r.Topics,
        ConsentedAt = r.ConsentedAt,
    };

    private static string Int(Topics topics) => ((int)topics).ToString(CultureInfo.InvariantCulture);

    private static class Step
    {
        public const string Choose = "choose";
        public const string Language = "language";
        public const string Ward = "ward";
        public const string Unit = "unit";
        public const string Topics = "topics";
    }
}
