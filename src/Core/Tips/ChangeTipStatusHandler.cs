using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="ChangeTipStatus"/> in the engine's transaction.</summary>
public sealed class ChangeTipStatusHandler(TextCatalog texts, TipCard card, IOptions<TipOptions> tipOptions, TipMessaging messaging, TipCardCopies copies) : IChangeHandler<ChangeTipStatus>
{
    public async Task ApplyAsync(ChangeTipStatus change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var tip = await TipMessaging.FindAsync(context, change.Code, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.tip_not_found") });
            return;
        }

        if (tip.Status == TipStatus.Closed || tip.Status == change.To)
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.status_unchanged", TrackingCode.Display(tip.Code), card.StatusName(tip.Status, Languages.Officers)) });
            return;
        }

        var from = tip.Status;
        tip.Status = change.To;
        tip.FirstResponseAt ??= context.Now;
        if (change.To == TipStatus.InProgress)
        {
            tip.AssignedOfficerId = officer.Id;
        }

        if (change.To == TipStatus.Closed)
        {
            tip.ClosedAt = context.Now;
            tip.Outcome = change.Note;
            var route = context.Db.TipRoutes.Local.FirstOrDefault(r => r.TipId == tip.Id)
                ?? await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(context.Db.TipRoutes, r => r.TipId == tip.Id, cancellationToken);
            if (route is not null)
            {
                route.DeleteAfter = context.Now.AddDays(tipOptions.Value.RouteRetentionDays);
            }
        }

        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.StatusChanged, OfficerId = officer.Id, FromStatus = from, ToStatus = change.To, Text = change.Note });

        // The card itself shows the new status and who has the tip, in place of the one whose button was pressed, and
        // so does every other officer's copy of it.
        var assignee = tip.AssignedOfficerId == officer.Id
            ? officer.DisplayName
            : await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(context.Db.Officers.Where(o => o.Id == tip.AssignedOfficerId).Select(o => o.DisplayName), cancellationToken);
        var current = new OutgoingMessage
        {
            Text = texts.Get(Languages.Officers, "officer.status_changed", TrackingCode.Display(tip.Code), card.StatusName(change.To, Languages.Officers))
                + "\n\n" + card.Describe(tip, "officer.card", assignee),
            Buttons = card.Actions(tip),
        };
        context.Reply(current with { ReplacesMessageId = change.Card });
        await copies.FollowAsync(context, tip, current, card.State(tip, assignee), change.Card, [(context.Input.Channel, context.Input.ChatId)], cancellationToken);

        if (change.To != TipStatus.Spam)
        {
            var key = (tip.Kind, change.To == TipStatus.Closed && change.Note is not null) switch
            {
                (TipKind.Question, true) => "question.status_update_note",
                (TipKind.Question, false) => "question.status_update",
                (_, true) => "tip.status_update_note",
                _ => "tip.status_update",
            };
            var update = new OutgoingMessage { Text = texts.Get(tip.Language, key, TrackingCode.Display(tip.Code), card.StatusName(change.To, tip.Language), change.Note) };
            await messaging.ToTipsterAsync(context, tip, [update], cancellationToken);
        }
    }
}
