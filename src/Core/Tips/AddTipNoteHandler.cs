using Antq.Core.Conversations;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>Applies <see cref="AddTipNote"/> in the engine's transaction: one line of the tip's history, sent to no one.</summary>
public sealed class AddTipNoteHandler(TextCatalog texts) : IChangeHandler<AddTipNote>
{
    public async Task ApplyAsync(AddTipNote change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == change.OfficerId, cancellationToken);
        var tip = await context.Db.Tips.AsNoTracking().SingleOrDefaultAsync(t => t.Id == change.TipId, cancellationToken);
        if (officer is null || tip is null || !officer.Covers(tip.WardId))
        {
            context.Reply(texts.Get(Languages.Officers, "officer.tip_not_found"));
            return;
        }

        var text = change.Text?.Trim() ?? "";
        if (text.Length is 0 or > AddTipNote.MaxLength)
        {
            context.Reply(texts.Get(Languages.Officers, "officer.note_invalid", AddTipNote.MaxLength));
            return;
        }

        context.Db.TipEvents.Add(new TipEvent { TipId = tip.Id, At = context.Now, Kind = TipEventKind.InternalNote, OfficerId = officer.Id, Text = text });
        context.Reply(texts.Get(Languages.Officers, "officer.note_saved", TrackingCode.Display(tip.Code)));
    }
}
