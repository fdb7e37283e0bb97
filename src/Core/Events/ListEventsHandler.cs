using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>Applies <see cref="ListEvents"/> in the engine's transaction.</summary>
public sealed class ListEventsHandler(TextCatalog texts) : IChangeHandler<ListEvents>
{
    public async Task ApplyAsync(ListEvents change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var upcoming = await context.Db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Scheduled && e.EndsAt > context.Now && (officer.Role == OfficerRole.Admin || e.WardId == officer.WardId))
            .OrderBy(e => e.StartsAt).Take(10)
            .Select(e => new
            {
                e.Id, e.Title, e.StartsAt,
                Coming = context.Db.EventRsvps.Count(r => r.EventId == e.Id && r.Coming),
                NotComing = context.Db.EventRsvps.Count(r => r.EventId == e.Id && !r.Coming),
            })
            .ToListAsync(cancellationToken);
        if (upcoming.Count == 0)
        {
            context.Reply(texts.Get(Languages.Officers, "event.none_upcoming"));
            return;
        }

        var lines = upcoming.Select(e => texts.Get(Languages.Officers, "event.line", e.Id, e.Title, LocalTime.Format(e.StartsAt, Languages.Officers), e.Coming, e.NotComing));
        var buttons = upcoming.Select(e => (IReadOnlyList<Button>)[
            new Button(texts.Get(Languages.Officers, "event.move_button", e.Id), new EventButton(EventAction.Move, e.Id).Data),
            new Button(texts.Get(Languages.Officers, "event.cancel_button", e.Id), new EventButton(EventAction.Cancel, e.Id).Data)]).ToList();
        context.Reply(new OutgoingMessage { Text = string.Join("\n", lines), Buttons = buttons });
    }
}
