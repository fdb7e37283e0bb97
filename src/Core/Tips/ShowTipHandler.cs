using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="ShowTip"/> in the engine's transaction.</summary>
public sealed class ShowTipHandler(TextCatalog texts, TipCard card) : IChangeHandler<ShowTip>
{
    public async Task ApplyAsync(ShowTip change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var tip = await TipMessaging.FindAsync(context, change.Code, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.tip_not_found") });
            return;
        }

        var thread = await context.Db.TipEvents.AsNoTracking().Where(e => e.TipId == tip.Id && e.Kind != TipEventKind.Submitted)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var lines = thread.Select(e => e.Kind switch
        {
            TipEventKind.OfficerReply => texts.Get(Languages.Officers, "officer.thread_officer", LocalTime.Format(e.At, Languages.Officers), e.Text ?? "📷"),
            TipEventKind.TipsterReply => texts.Get(Languages.Officers, "officer.thread_tipster", LocalTime.Format(e.At, Languages.Officers), e.Text ?? "📷"),
            _ => texts.Get(Languages.Officers, "officer.thread_status", LocalTime.Format(e.At, Languages.Officers), card.StatusName(e.ToStatus ?? TipStatus.New, Languages.Officers)),
        });
        var assignee = tip.AssignedOfficerId is { } id ? await context.Db.Officers.Where(o => o.Id == id).Select(o => o.DisplayName).SingleOrDefaultAsync(cancellationToken) : null;
        var messages = card.Render(tip, "officer.card", assignee).ToList();
        if (thread.Count > 0)
        {
            messages.Insert(1, new OutgoingMessage { Text = texts.Get(Languages.Officers, "officer.thread", string.Join("\n", lines)) });
        }

        context.Reply([.. messages]);
    }
}
