using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Residents.Steps;

namespace Antq.Core.Residents;

/// <summary>/settings: change language, area or topics; each change is saved as soon as it is made.</summary>
public sealed class SettingsFlow : IFlow
{
    public const string FlowName = "settings";

    /// <summary>Each step once: how it reads the input, what it asks, the step "« Back" returns to (the settings card, or the ward from the unit).</summary>
    private static readonly StepTable<FlowData> Steps = new StepTable<FlowData>()
        .Add(Step.Choose, Choose, (c, _) => ChoosePrompt(c, c.Resident!))
        .Add(Step.Language, (c, _) => ChooseLanguage(c), (c, _) => LanguageStep.Prompt(c, withBack: true), back: (_, _) => Step.Choose)
        .Add(
            Step.Ward,
            (c, d) => AreaStep.ParseWard(c, out var problem) is { } ward ? Go(c, Step.Unit, d.With("ward", ward.Id).With("page", "0")) : StepResult.Invalid(problem!),
            (c, _) => AreaStep.WardPrompt(c, withBack: true),
            back: (_, _) => Step.Choose)
        .Add(Step.Unit, ChooseUnit, UnitPrompt, back: (_, _) => Step.Ward)
        .Add(Step.Topics, ChooseTopics, (c, d) => TopicsStep.Prompt(c, (Topics)d.GetInt("topics"), withBack: true), back: (_, _) => Step.Choose);

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => Go(context, Step.Choose, FlowData.Empty);

    public StepResult Handle(FlowContext context) => Steps.Handle(context, context.Data, step => Go(context, step, context.Data)) ?? Start(context);

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => Steps.Prompts(context, context.Step, context.Data);

    // The settings card starts afresh: nothing chosen on the way is kept.
    private static StepResult Go(FlowContext context, string step, FlowData data) =>
        step == Step.Choose ? StepResult.Continue(step, FlowData.Empty, Steps.Prompt(context, step, FlowData.Empty)) : StepResult.Continue(step, data, Steps.Prompt(context, step, data));

    private static StepResult Choose(FlowContext context, FlowData data)
    {
        if (Navigation.IsDone(context))
        {
            return StepResult.Done(MainMenu.Render(context));
        }

        var setting = SettingsButton.Parse(Navigation.ButtonData(context));
        return setting is null ? StepResult.Invalid(Navigation.WhyNotAButton(context))
            : setting == SettingsButton.Language ? Go(context, Step.Language, data)
            : setting == SettingsButton.Area ? Go(context, Step.Ward, data)
            : Go(context, Step.Topics, data.With("topics", Int(context.Resident!.Topics)));
    }

    private static StepResult ChooseLanguage(FlowContext context)
    {
        if (LanguageStep.Parse(context) is not { } language)
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var now = context with { Language = language };
        return Saved(now, Snapshot(context.Resident!, language: language)).With(new ChangeResidentLanguage(language)) with { Language = language };
    }

    private static StepResult ChooseUnit(FlowContext context, FlowData data)
    {
        if (context.Areas.FindWard(data["ward"] ?? "") is not { } ward)
        {
            return Go(context, Step.Ward, data);
        }

        if (AreaStep.TurnPage(context, ward, Step.Unit) is { } paged)
        {
            return paged;
        }

        if (AreaStep.ParseUnit(context, ward, out var problem) is not { } unit)
        {
            return StepResult.Invalid(problem!);
        }

        var moved = Snapshot(context.Resident!, wardId: ward.Id, unitId: unit.Id);
        return Saved(context, moved).With(Profile(moved));
    }

    // A ward the area file no longer has: the settings card again.
    private static OutgoingMessage UnitPrompt(FlowContext context, FlowData data) => context.Areas.FindWard(data["ward"] ?? "") is { } ward
        ? AreaStep.UnitPrompt(context, ward, data.GetInt("page"), withBack: true)
        : ChoosePrompt(context, context.Resident!);

    private static StepResult ChooseTopics(FlowContext context, FlowData data)
    {
        var selected = (Topics)data.GetInt("topics");
        if (TopicsStep.Toggle(context, selected) is { } toggled)
        {
            return StepResult.Continue(Step.Topics, data.With("topics", Int(toggled)), TopicsStep.Prompt(context, toggled, withBack: true, replaces: context.Input.ButtonMessageId));
        }

        if (!Navigation.IsDone(context))
        {
            return StepResult.Invalid(Navigation.WhyNotAButton(context));
        }

        var followed = Snapshot(context.Resident!, topics: selected);
        return Saved(context, followed).With(Profile(followed));
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
