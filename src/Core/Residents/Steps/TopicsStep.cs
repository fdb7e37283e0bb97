using Antq.Core.Conversations;

namespace Antq.Core.Residents.Steps;

/// <summary>Choosing topics: checkboxes toggled in place, "all", and "done".</summary>
public static class TopicsStep
{
    public static OutgoingMessage Prompt(FlowContext context, Topics selected, bool withBack, string? replaces = null, bool withCancel = true)
    {
        var rows = Navigation.Rows(
            TopicNames.Offered.Select(t => new Button(
                (selected.HasFlag(t.Topic) ? "✅ " : "⬜ ") + context.T(TopicNames.TextKey(t.Topic)),
                new TopicButton(t.Topic).Data)),
            1);
        rows.Add([new Button(context.T("button.all_topics"), TopicButton.All.Data), new Button(context.T("button.done"), Navigation.DoneData)]);
        if (withBack)
        {
            rows.Add(withCancel ? Navigation.BackAndCancel(context) : [Navigation.Back(context)]);
        }

        return new OutgoingMessage { Text = context.T("topics.ask"), Buttons = rows, ReplacesMessageId = replaces };
    }

    /// <summary>The selection after a toggle or "all", or null when the input is neither.</summary>
    public static Topics? Toggle(FlowContext context, Topics selected)
    {
        return TopicButton.Parse(Navigation.ButtonData(context)) switch
        {
            { Topic: Topics.All } => Topics.All,
            { } toggled => selected ^ toggled.Topic,
            null => null,
        };
    }

    public static string Describe(FlowContext context, Topics topics) =>
        topics == Topics.None
            ? context.T("topics.none")
            : Locale.TextList.Join(TopicNames.Offered.Where(t => topics.HasFlag(t.Topic)).Select(t => context.T(TopicNames.TextKey(t.Topic))));
}
