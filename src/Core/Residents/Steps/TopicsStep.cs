using Antq.Core.Conversations;

namespace Antq.Core.Residents.Steps;

/// <summary>Choosing topics: checkboxes toggled in place, "all", and "done".</summary>
public static class TopicsStep
{
    public const string TogglePrefix = "topic:";
    public const string AllData = "topics:all";

    public static OutgoingMessage Prompt(FlowContext context, Topics selected, bool withBack, string? replaces = null, bool withCancel = true)
    {
        var rows = Navigation.Rows(
            TopicNames.Offered.Select(t => new Button(
                (selected.HasFlag(t.Topic) ? "✅ " : "⬜ ") + context.T(TopicNames.TextKey(t.Topic)),
                TogglePrefix + t.Code)),
            1);
        rows.Add([new Button(context.T("button.all_topics"), AllData), new Button(context.T("button.done"), Navigation.DoneData)]);
        if (withBack)
        {
            rows.Add(withCancel ? Navigation.BackAndCancel(context) : [Navigation.Back(context)]);
        }

        return new OutgoingMessage { Text = context.T("topics.ask"), Buttons = rows, ReplacesMessageId = replaces };
    }

    /// <summary>The selection after a toggle or "all", or null when the input is neither.</summary>
    public static Topics? Toggle(FlowContext context, Topics selected)
    {
        if (context.Input is { Kind: InboundKind.Button, ButtonData: AllData })
        {
            return Topics.All;
        }

        return Navigation.ButtonArgument(context, TogglePrefix) is { } code && TopicNames.FromCode(code) is { } topic
            ? selected ^ topic
            : null;
    }

    public static string Describe(FlowContext context, Topics topics) =>
        topics == Topics.None
            ? context.T("topics.none")
            : Locale.TextList.Join(TopicNames.Offered.Where(t => topics.HasFlag(t.Topic)).Select(t => context.T(TopicNames.TextKey(t.Topic))));
}
