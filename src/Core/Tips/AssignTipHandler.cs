using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Applies <see cref="AssignTip"/> in the engine's transaction: the tip's assignee, a line in its history, and the
/// tip's card in the assignee's chat (with its buttons, so they can act on it there); every officer's copy of the card
/// then shows who has it.
/// </summary>
public sealed class AssignTipHandler(TextCatalog texts, TipCard card, TipCardCopies copies) : IChangeHandler<AssignTip>
{
    public async Task ApplyAsync(AssignTip change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == change.OfficerId, cancellationToken);
        var tip = await context.Db.Tips.Include(t => t.Attachments).SingleOrDefaultAsync(t => t.Id == change.TipId, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(texts.Get(Languages.Officers, "officer.tip_not_found"));
            return;
        }

        var display = TrackingCode.Display(tip.Code);
        var assignee = change.AssigneeOfficerId == officer.Id
            ? officer
            : await context.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == change.AssigneeOfficerId, cancellationToken);
        if (assignee is null || !assignee.Covers(tip.WardId))
        {
            context.Reply(texts.Get(Languages.Officers, "officer.assignee_not_covering", display));
            return;
        }

        if (tip.AssignedOfficerId == assignee.Id)
        {
            context.Reply(texts.Get(Languages.Officers, "officer.tip_assigned", display, assignee.DisplayName));
            return;
        }

        tip.AssignedOfficerId = assignee.Id;
        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.Assigned, OfficerId = officer.Id, AssigneeOfficerId = assignee.Id });
        context.Reply(texts.Get(Languages.Officers, "officer.tip_assigned", display, assignee.DisplayName));
        var current = new OutgoingMessage
        {
            Text = texts.Get(Languages.Officers, "officer.tip_assigned", display, assignee.DisplayName) + "\n\n" + card.Describe(tip, "officer.card", assignee.DisplayName),
            Buttons = card.Actions(tip),
        };
        List<(string Channel, string ChatId)> told = [(context.Input.Channel, context.Input.ChatId)];
        if (assignee.Id != officer.Id)
        {
            var notice = new OutgoingMessage
            {
                Text = texts.Get(Languages.Officers, "officer.tip_assigned_to_you", officer.DisplayName, display) + "\n\n" + card.Describe(tip, "officer.card", assignee.DisplayName),
                Buttons = card.Actions(tip),
                KeepsMessageId = true,
            };
            context.Send(assignee.Channel, assignee.ChatId, [notice], DeliveryPriority.Reply, OutboxKind.Tip);
            told.Add((assignee.Channel, assignee.ChatId));
        }

        await copies.FollowAsync(context, tip, current, card.State(tip, assignee.DisplayName), replaced: null, told, cancellationToken);
    }
}
