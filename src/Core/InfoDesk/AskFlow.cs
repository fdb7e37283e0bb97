using Antq.Core.Conversations;
using Antq.Core.Residents;

namespace Antq.Core.InfoDesk;

/// <summary>
/// /ask: a question for the officers of the resident's ward → the name to send it with (or anonymous, if asked) →
/// sent as a thread like a tip (<see cref="SubmitQuestion"/>), but not counted as one.
/// </summary>
public sealed class AskFlow : IFlow
{
    public const string FlowName = "ask";
    public const int MinLength = 10;
    public const int MaxLength = 1000;
    private const string AnonymousData = "ask:anon";

    public string Name => FlowName;

    public int Version => 1;

    public StepResult Start(FlowContext context) => context.Resident?.WardId is null
        ? StepResult.Done(context.Say("ask.no_ward"))
        : StepResult.Continue(Step.Question, FlowData.Empty, [.. Prompt(context with { Step = Step.Question })]);

    public StepResult Handle(FlowContext context) => context.Step switch
    {
        Step.Question => Question(context),
        Step.Name => NameStep(context),
        _ => Start(context),
    };

    public IReadOnlyList<OutgoingMessage> Prompt(FlowContext context) => context.Step == Step.Name
        ? [new OutgoingMessage { Text = context.T("ask.name_prompt"), Buttons = [[new Button(context.T("ask.anonymous"), AnonymousData)]] }]
        : [context.Say("ask.prompt", Ward(context), MinLength, MaxLength)];

    private StepResult Question(FlowContext context)
    {
        if (context.Input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return StepResult.Invalid(context.T("ask.text_only"));
        }

        text = text.Trim();
        if (text.Length < MinLength)
        {
            return StepResult.Invalid(context.T("ask.too_short", MinLength));
        }

        if (text.Length > MaxLength)
        {
            return StepResult.Invalid(context.T("error.too_long", MaxLength));
        }

        var data = context.Data.With("question", text);
        return StepResult.Continue(Step.Name, data, [.. Prompt(context with { Step = Step.Name, Data = data })]);
    }

    private static StepResult NameStep(FlowContext context)
    {
        var question = context.Data["question"] ?? "";
        var resident = context.Resident;
        if (context.Facts.Get<QuestionUsage>() is { Exhausted: true })
        {
            return StepResult.Invalid(context.T("ask.limit", QuestionUsage.MaxPerHour, QuestionUsage.MaxPerDay));
        }

        if (context.Input is { Kind: InboundKind.Button, ButtonData: AnonymousData })
        {
            return StepResult.Done(MainMenu.Render(context)).With(new SubmitQuestion(question, null, resident?.WardId, resident?.UnitId, context.Language));
        }

        if (context.Input is not { Kind: InboundKind.Text, Text: { } name } || name.Trim().Length is < 2 or > 100)
        {
            return StepResult.Invalid(context.T("ask.name_how"));
        }

        return StepResult.Done(MainMenu.Render(context)).With(new SubmitQuestion(question, name.Trim(), resident?.WardId, resident?.UnitId, context.Language));
    }

    private static string Ward(FlowContext context) =>
        context.Areas.FindWard(context.Resident?.WardId ?? "") is { } ward
            ? context.T(ward.Kind == Areas.AreaKind.Commune ? "area.commune" : "area.ward", ward.Name)
            : "";

    private static class Step
    {
        public const string Question = "question";
        public const string Name = "name";
    }
}
