using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="RecordRsvp"/> in the engine's transaction.</summary>
public sealed class RecordRsvpHandler(TextCatalog texts, AreaTree areas) : IChangeHandler<RecordRsvp>
{
    public async Task ApplyAsync(RecordRsvp change, ChangeContext context, CancellationToken cancellationToken)
    {
        var festival = await context.Db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == change.EventId, cancellationToken);
        if (festival is null || festival.Status == EventStatus.Cancelled || festival.StartsAt <= context.Now)
        {
            context.Reply(texts.Get(change.Language, "event.closed"));
            return;
        }

        // Only residents of the event's area who consented are counted: anyone can press a button (or post one).
        var resident = await ResidentLookup.FindAsync(context, cancellationToken);
        if (resident is not { HasConsented: true } || resident.WardId != festival.WardId)
        {
            var ward = areas.FindWard(festival.WardId)!;
            context.Reply(texts.Get(change.Language, "event.residents_only", texts.Get(change.Language, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name)));
            return;
        }

        var (channel, chat) = (context.Input.Channel, context.Input.ChatId);
        var rsvp = await context.Db.EventRsvps.SingleOrDefaultAsync(r => r.EventId == change.EventId && r.Channel == channel && r.ChatId == chat, cancellationToken);
        if (rsvp is null)
        {
            rsvp = new EventRsvp { EventId = change.EventId, Channel = channel, ChatId = chat };
            context.Db.EventRsvps.Add(rsvp);
        }

        rsvp.Coming = change.Coming;
        rsvp.AnsweredAt = context.Now;
        context.Reply(texts.Get(change.Language, change.Coming ? "event.thanks_coming" : "event.thanks_not_coming", festival.Title, LocalTime.Format(festival.StartsAt, change.Language)));
    }
}
