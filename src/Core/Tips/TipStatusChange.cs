using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>An officer moves a tip along its lifecycle; audited, and the tipster is told (except for spam).</summary>
public sealed record ChangeTipStatus(string Code, TipStatus To, string? Note = null) : DomainChange
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

        if (tip.Status == TipStatus.Closed || tip.Status == To)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(TipCard.Language, "officer.status_unchanged", TrackingCode.Display(tip.Code), context.Get<TipCard>().StatusName(tip.Status, TipCard.Language)) });
            return;
        }

        var from = tip.Status;
        tip.Status = To;
        tip.FirstResponseAt ??= context.Now;
        if (To == TipStatus.InProgress)
        {
            tip.AssignedOfficerId = officer.Id;
        }

        if (To == TipStatus.Closed)
        {
            tip.ClosedAt = context.Now;
            tip.Outcome = Note;
            var route = context.Db.TipRoutes.Local.FirstOrDefault(r => r.TipId == tip.Id)
                ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(context.Db.TipRoutes, r => r.TipId == tip.Id, cancellationToken);
            if (route is not null)
            {
                route.DeleteAfter = context.Now.AddDays(context.Get<IOptions<TipOptions>>().Value.RouteRetentionDays);
            }
        }

        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.StatusChanged, OfficerId = officer.Id, FromStatus = from, ToStatus = To, Text = Note });

        var card = context.Get<TipCard>();
        context.Reply(new OutgoingMessage
        {
            Text = texts.Get(TipCard.Language, "officer.status_changed", TrackingCode.Display(tip.Code), card.StatusName(To, TipCard.Language)),
            Buttons = card.Actions(tip),
        });

        if (To != TipStatus.Spam)
        {
            var key = (tip.Kind, To == TipStatus.Closed && Note is not null) switch
            {
                (TipKind.Question, true) => "question.status_update_note",
                (TipKind.Question, false) => "question.status_update",
                (_, true) => "tip.status_update_note",
                _ => "tip.status_update",
            };
            var update = new OutgoingMessage { Text = texts.Get(tip.Language, key, TrackingCode.Display(tip.Code), card.StatusName(To, tip.Language), Note) };
            await TipMessaging.ToTipsterAsync(context, tip, [update], cancellationToken);
        }
    }
}
