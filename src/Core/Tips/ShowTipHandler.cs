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

        // Notes and assignments (from the console, too) name the officers: one audit trail, read the same in the chat.
        var named = thread.Where(e => e.Kind is TipEventKind.InternalNote or TipEventKind.Assigned)
            .SelectMany(e => new[] { e.OfficerId, e.AssigneeOfficerId }).OfType<long>().Distinct().ToList();
        var names = named.Count == 0 ? [] : await context.Db.Officers.AsNoTracking().Where(o => named.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        string Name(long? id) => id is { } known && names.TryGetValue(known, out var name) ? name : "—";
        var lines = thread.Select(e => e.Kind switch
        {
            TipEventKind.InternalNote => texts.Get(Languages.Officers, "officer.thread_note", LocalTime.Format(e.At, Languages.Officers), Name(e.OfficerId), e.Text ?? ""),
            TipEventKind.Assigned => texts.Get(Languages.Officers, "officer.thread_assigned", LocalTime.Format(e.At, Languages.Officers), Name(e.OfficerId), Name(e.AssigneeOfficerId)),
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
