using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>Applies <see cref="ShowNotices"/> in the engine's transaction.</summary>
public sealed class ShowNoticesHandler(TextCatalog texts, AreaTree areas) : IChangeHandler<ShowNotices>
{
    private const int MaxTextShown = 900;

    public async Task ApplyAsync(ShowNotices change, ChangeContext context, CancellationToken cancellationToken)
    {
        string T(string key, params object?[] args) => texts.Get(change.Language, key, args);
        var resident = await context.Db.Residents.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Channel == context.Input.Channel && r.ExternalUserId == context.Input.UserId, cancellationToken);
        if (resident is null)
        {
            return;
        }

        var topics = BroadcastTopics.All.Select(t => t.Topic).Where(t => (BroadcastTopics.Followers(t) & resident.Topics) != 0 || t == BroadcastTopic.Urgent).ToList();
        var ward = "," + (resident.WardId ?? "") + ",";
        var sent = context.Db.Broadcasts.AsNoTracking()
            .Where(b => (b.Status == BroadcastStatus.Sent || b.Status == BroadcastStatus.Sending) && topics.Contains(b.Topic))
            .Where(b => b.WardIds == null || ("," + b.WardIds + ",").Contains(ward));
        var total = await sent.CountAsync(cancellationToken);
        if (total == 0)
        {
            context.Reply(new OutgoingMessage { Text = T("notices.none"), Buttons = [[new Button(T("info.button_menu"), MenuButton.Menu.Data)]] });
            return;
        }

        var pages = (total + ShowNotices.PageSize - 1) / ShowNotices.PageSize;
        var page = Math.Clamp(change.Page, 0, pages - 1);
        var shown = await sent.OrderByDescending(b => b.StartedAt ?? b.ScheduledFor).ThenByDescending(b => b.Id)
            .Skip(page * ShowNotices.PageSize).Take(ShowNotices.PageSize).ToListAsync(cancellationToken);
        var items = shown.Select(b => T(
            "notices.item",
            LocalTime.Format(b.StartedAt ?? b.ScheduledFor, change.Language),
            b.Text.Length > MaxTextShown ? b.Text[..MaxTextShown] + "…" : b.Text,
            b.PhotoFileId is null ? "" : T("notices.photo")));
        var nav = new List<Button>();
        if (page > 0)
        {
            nav.Add(new Button(T("button.previous_page"), new NoticesPageButton(page - 1).Data));
        }

        if (page + 1 < pages)
        {
            nav.Add(new Button(T("button.next_page"), new NoticesPageButton(page + 1).Data));
        }

        var area = areas.FindWard(resident.WardId ?? "")?.Name ?? "";
        context.Reply(new OutgoingMessage
        {
            Text = T("notices.title", area, page + 1, pages) + "\n\n" + string.Join("\n\n", items),
            Buttons = nav.Count > 0 ? [nav, [new Button(T("info.button_menu"), MenuButton.Menu.Data)]] : [[new Button(T("info.button_menu"), MenuButton.Menu.Data)]],
            ReplacesMessageId = NoticesPageButton.Owns(context.Input.ButtonData) ? context.Input.ButtonMessageId : null,
        });
    }
}
