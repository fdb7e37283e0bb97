using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="ShowUpcomingEvents"/> in the engine's transaction.</summary>
public sealed class ShowUpcomingEventsHandler(TextCatalog texts, AreaTree areas) : IChangeHandler<ShowUpcomingEvents>
{
    public async Task ApplyAsync(ShowUpcomingEvents change, ChangeContext context, CancellationToken cancellationToken)
    {
        var resident = await context.Db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Channel == context.Input.Channel && r.ExternalUserId == context.Input.UserId, cancellationToken);
        var upcoming = resident?.WardId is null ? [] : await context.Db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.StartsAt > context.Now && e.WardId == resident.WardId)
            .OrderBy(e => e.StartsAt).Take(5).ToListAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            context.Reply(texts.Get(change.Language, "event.none_for_you"));
            return;
        }

        foreach (var e in upcoming)
        {
            var ward = areas.FindWard(e.WardId)!;
            var draft = new EventDraft { Title = e.Title, Description = e.Description, Place = e.Place, StartsAt = e.StartsAt, EndsAt = e.EndsAt };
            context.Reply(EventFlow.Announcement((key, args) => texts.Get(change.Language, key, args), e.Id, draft, texts.Get(change.Language, ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name), change.Language));
        }
    }
}
