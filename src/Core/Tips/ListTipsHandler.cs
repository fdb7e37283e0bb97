using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="ListTips"/> in the engine's transaction.</summary>
public sealed class ListTipsHandler(TextCatalog texts, TipCard card, TipCatalog catalog) : IChangeHandler<ListTips>
{
    public async Task ApplyAsync(ListTips change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var open = OpenTips.Of(context.Db.Tips.AsNoTracking(), officer);
        var total = await open.CountAsync(cancellationToken);
        var tips = await open.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(change.Page * ListTips.PageSize).Take(ListTips.PageSize).ToListAsync(cancellationToken);
        if (total == 0)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.no_open_tips") });
            return;
        }

        var rows = tips.Select(t => (IReadOnlyList<Button>)[new Button(
            $"{TrackingCode.Display(t.Code)} · {(t.Kind == TipKind.Question ? texts.Get(Languages.Officers, "officer.question_label") : catalog.Find(t.CategoryId)?.Name(Languages.Officers))} · {card.StatusName(t.Status, Languages.Officers)}",
            TipActionButton.For(TipAction.Open, t.Code).Data)]).ToList();
        var nav = new List<Button>();
        if (change.Page > 0)
        {
            nav.Add(new Button(texts.Get(Languages.Officers, "button.previous_page"), TipActionButton.ListPage(change.Page - 1).Data));
        }

        if ((change.Page + 1) * ListTips.PageSize < total)
        {
            nav.Add(new Button(texts.Get(Languages.Officers, "button.next_page"), TipActionButton.ListPage(change.Page + 1).Data));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        var pages = (total + ListTips.PageSize - 1) / ListTips.PageSize;
        context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.open_tips", total, change.Page + 1, pages), Buttons = rows });
    }
}
