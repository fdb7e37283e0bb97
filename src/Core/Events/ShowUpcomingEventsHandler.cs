using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Events;

/// <summary>
/// Applies <see cref="ShowUpcomingEvents"/> in the engine's transaction: one answer, one message. A single event is its
/// announcement; several are one numbered list with a row of answer buttons per event, each labelled with the event's
/// number (on Zalo, which shows 5 buttons, a longer list of choices becomes numbered choices, as every answer's does).
/// </summary>
public sealed class ShowUpcomingEventsHandler(TextCatalog texts, AreaTree areas) : IChangeHandler<ShowUpcomingEvents>
{
    /// <summary>A description longer than this is cut in the list: the list is read on a phone, the announcement has it all.</summary>
    private const int DescriptionInList = 200;

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

        string T(string key, params object?[] args) => texts.Get(change.Language, key, args);
        var ward = areas.FindWard(upcoming[0].WardId)!;
        var wardLabel = T(ward.Kind == AreaKind.Commune ? "area.commune" : "area.ward", ward.Name);
        if (upcoming.Count == 1)
        {
            var e = upcoming[0];
            var draft = new EventDraft { Title = e.Title, Description = e.Description, Place = e.Place, StartsAt = e.StartsAt, EndsAt = e.EndsAt };
            context.Reply(EventFlow.Announcement((key, args) => T(key, args), e.Id, draft, wardLabel, change.Language));
            return;
        }

        var items = upcoming.Select((e, i) => T("event.upcoming_item", i + 1, e.Title, LocalTime.Span(e.StartsAt, e.EndsAt, change.Language), e.Place, Shortened(e.Description)));
        context.Reply(new OutgoingMessage
        {
            Text = T("event.upcoming_head", wardLabel) + "\n\n" + string.Join("\n\n", items) + "\n\n" + T("event.upcoming_ask"),
            Buttons = [.. upcoming.Select((e, i) => (IReadOnlyList<Button>)
            [
                new Button(T("event.coming_n", i + 1), new RsvpButton(e.Id, Coming: true).Data),
                new Button(T("event.not_coming_n", i + 1), new RsvpButton(e.Id, Coming: false).Data),
            ])],
        });
    }

    private static string Shortened(string text)
    {
        if (text.Length <= DescriptionInList)
        {
            return text;
        }

        // At a word's end when there is one in the second half, never between the halves of a surrogate pair.
        var cut = text.LastIndexOf(' ', DescriptionInList);
        cut = cut >= DescriptionInList / 2 ? cut : char.IsHighSurrogate(text[DescriptionInList - 1]) ? DescriptionInList - 1 : DescriptionInList;
        return text[..cut].TrimEnd(' ', ',', '.', ';', ':') + "…";
    }
}
