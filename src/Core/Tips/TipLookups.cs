using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Text;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>/status CODE: the tip's status in the resident's language; any unknown or wrong code gets the same answer.</summary>
public sealed record LookupTipStatus(string? Code, string Language) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        if (!context.Get<StatusLookupLimiter>().TryTake(context.Input.Channel, context.Input.UserId, context.Now))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Language, "tip.status_too_many") });
            return;
        }

        var tip = await TipMessaging.FindAsync(context, Code ?? "", cancellationToken);
        var text = tip is null
            ? texts.Get(Language, "tip.status_unknown")
            : texts.Get(Language, tip.Kind == TipKind.Question ? "question.status_is" : "tip.status_is", TrackingCode.Display(tip.Code), context.Get<TipCard>().StatusName(tip.Status, Language), LocalTime.Format(tip.CreatedAt, Language));
        context.Reply(new OutgoingMessage { Text = text });
    }
}

/// <summary>/tips: open tips in the officer's scope, newest first, a page at a time.</summary>
public sealed record ListTips(int Page) : DomainChange
{
    public const int PageSize = 5;

    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var open = context.Db.Tips.AsNoTracking().Where(t => t.Status != TipStatus.Closed && t.Status != TipStatus.Spam);
        if (officer.Role != Officers.OfficerRole.Admin)
        {
            open = open.Where(t => t.WardId == officer.WardId);
        }

        var total = await open.CountAsync(cancellationToken);
        var tips = await open.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(Page * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        if (total == 0)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.no_open_tips") });
            return;
        }

        var card = context.Get<TipCard>();
        var catalog = context.Get<TipCatalog>();
        var rows = tips.Select(t => (IReadOnlyList<Button>)[new Button(
            $"{TrackingCode.Display(t.Code)} · {(t.Kind == TipKind.Question ? texts.Get(TipCard.Language, "officer.question_label") : catalog.Find(t.CategoryId)?.Name(TipCard.Language))} · {card.StatusName(t.Status, TipCard.Language)}",
            "tipact:open:" + t.Code)]).ToList();
        var nav = new List<Button>();
        if (Page > 0)
        {
            nav.Add(new Button(texts.Get(TipCard.Language, "button.previous_page"), $"tipact:list:{Page - 1}"));
        }

        if ((Page + 1) * PageSize < total)
        {
            nav.Add(new Button(texts.Get(TipCard.Language, "button.next_page"), $"tipact:list:{Page + 1}"));
        }

        if (nav.Count > 0)
        {
            rows.Add(nav);
        }

        var pages = (total + PageSize - 1) / PageSize;
        context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.open_tips", total, Page + 1, pages), Buttons = rows });
    }
}

/// <summary>A tip opened from the list: its card and its thread.</summary>
public sealed record ShowTip(string Code) : DomainChange
{
    public override async Task ApplyAsync(ChangeContext context, CancellationToken cancellationToken)
    {
        var texts = context.Get<TextCatalog>();
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var tip = await TipMessaging.FindAsync(context, Code, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.tip_not_found") });
            return;
        }

        var card = context.Get<TipCard>();
        var thread = await context.Db.TipEvents.AsNoTracking().Where(e => e.TipId == tip.Id && e.Kind != TipEventKind.Submitted)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var lines = thread.Select(e => e.Kind switch
        {
            TipEventKind.OfficerReply => texts.Get(TipCard.Language, "officer.thread_officer", LocalTime.Format(e.At, TipCard.Language), e.Text ?? "📷"),
            TipEventKind.TipsterReply => texts.Get(TipCard.Language, "officer.thread_tipster", LocalTime.Format(e.At, TipCard.Language), e.Text ?? "📷"),
            _ => texts.Get(TipCard.Language, "officer.thread_status", LocalTime.Format(e.At, TipCard.Language), card.StatusName(e.ToStatus ?? TipStatus.New, TipCard.Language)),
        });
        var messages = card.Render(tip, "officer.card").ToList();
        if (thread.Count > 0)
        {
            messages.Insert(1, new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.thread", string.Join("\n", lines)) });
        }

        context.Reply([.. messages]);
    }
}
