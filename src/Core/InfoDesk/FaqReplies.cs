using Antq.Core.Conversations;
using Antq.Core.Residents;

namespace Antq.Core.InfoDesk;

/// <summary>What the Q&amp;A says: an answer with up to two alternatives, the closest questions when it is not sure, the list of questions, and "not found". Pure.</summary>
public static class FaqReplies
{
    public const int PageSize = 6;

    /// <summary>
    /// The answer to free text: a confident answer with the next entries as buttons; else the closest questions
    /// to choose from; always a way to a person, never silence.
    /// </summary>
    public static OutgoingMessage ForText(FlowContext context, FaqAnswer found) => found switch
    {
        { Answer: { } entry } => Answer(context, entry, found.Others),
        { Others.Count: > 0 } => Closest(context, found.Others),
        _ => NotFound(context),
    };

    /// <summary>Not sure what was asked: "did you mean" with the closest questions as buttons, and "ask an officer".</summary>
    public static OutgoingMessage Closest(FlowContext context, IEnumerable<FaqEntry> closest)
    {
        var rows = closest.Take(3).Select(a => (IReadOnlyList<Button>)[new Button("↪ " + a.Question(context.Language), FaqButton.Show(a.Id).Data)]).ToList();
        rows.Add([new Button(context.T("info.button_ask"), AskOfficerButton.Instance.Data)]);
        rows.Add([new Button(context.T("faq.more"), FaqButton.FirstPage.Data), new Button(context.T("info.button_menu"), MenuButton.Menu.Data)]);
        return new OutgoingMessage { Text = context.T("faq.closest"), Buttons = rows };
    }

    /// <summary>A short friendly answer to a greeting or thanks, with the desk's doors.</summary>
    public static OutgoingMessage SmallTalk(FlowContext context, string key) => new()
    {
        Text = context.T(key),
        Buttons = [[new Button(context.T("faq.more"), FaqButton.FirstPage.Data), new Button(context.T("info.button_menu"), MenuButton.Menu.Data)]],
    };

    public static OutgoingMessage Answer(FlowContext context, FaqEntry entry, IEnumerable<FaqEntry> alternatives)
    {
        var rows = alternatives.Select(a => (IReadOnlyList<Button>)[new Button("↪ " + a.Question(context.Language), FaqButton.Show(a.Id).Data)]).ToList();
        rows.Add([new Button(context.T("faq.none_of_these"), AskOfficerButton.Instance.Data)]);
        rows.Add([new Button(context.T("faq.more"), FaqButton.FirstPage.Data), new Button(context.T("info.button_menu"), MenuButton.Menu.Data)]);
        return new OutgoingMessage
        {
            Text = context.T("faq.answer", entry.Question(context.Language), entry.Answer(context.Language), context.T("faq.note")),
            Buttons = rows,
        };
    }

    public static OutgoingMessage NotFound(FlowContext context) => new()
    {
        Text = context.T("faq.not_found"),
        Buttons =
        [
            [new Button(context.T("info.button_ask"), AskOfficerButton.Instance.Data)],
            [new Button(context.T("faq.more"), FaqButton.FirstPage.Data), new Button(context.T("info.button_menu"), MenuButton.Menu.Data)],
        ],
    };

    /// <summary>A page of questions, each a button; the next page updates the same message.</summary>
    public static OutgoingMessage List(FlowContext context, FaqCatalog catalog, int page)
    {
        var pages = (catalog.Entries.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 0, pages - 1);
        var rows = catalog.Entries.Skip(page * PageSize).Take(PageSize)
            .Select(e => (IReadOnlyList<Button>)[new Button(e.Question(context.Language), FaqButton.Show(e.Id).Data)]).ToList();
        var nav = new List<Button>();
        if (page > 0)
        {
            nav.Add(new Button(context.T("button.previous_page"), FaqButton.ListPage(page - 1).Data));
        }

        if (page + 1 < pages)
        {
            nav.Add(new Button(context.T("button.next_page"), FaqButton.ListPage(page + 1).Data));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        rows.Add([new Button(context.T("info.button_ask"), AskOfficerButton.Instance.Data), new Button(context.T("info.button_menu"), MenuButton.Menu.Data)]);
        return new OutgoingMessage
        {
            Text = context.T("faq.list", page + 1, pages),
            Buttons = rows,
            ReplacesMessageId = context.Input.Kind == InboundKind.Button && FaqButton.IsListPage(context.Input.ButtonData) ? context.Input.ButtonMessageId : null,
        };
    }
}
