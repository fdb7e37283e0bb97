using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="ListBroadcasts"/> in the engine's transaction.</summary>
public sealed class ListBroadcastsHandler(TextCatalog texts) : IChangeHandler<ListBroadcasts>
{
    public async Task ApplyAsync(ListBroadcasts change, ChangeContext context, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        if (officer is null)
        {
            return;
        }

        var open = context.Db.Broadcasts.AsNoTracking()
            .Where(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Sending || b.Status == BroadcastStatus.Paused);
        if (officer.Role != OfficerRole.Admin)
        {
            open = open.Where(b => b.OfficerId == officer.Id);
        }

        var list = await open.OrderBy(b => b.ScheduledFor).Take(20).ToListAsync(cancellationToken);
        if (list.Count == 0)
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.none_open"));
            return;
        }

        var rows = list.Select(b => (IReadOnlyList<Button>)[new Button(
            texts.Get(Languages.Officers, "broadcast.list_button", b.Id, Mark(b) + LocalTime.Format(b.ScheduledFor, Languages.Officers), Short(b.Text)),
            new BroadcastButton(BroadcastAction.Show, b.Id).Data)]).ToList();
        context.Reply(new OutgoingMessage { Text = texts.Get(Languages.Officers, "broadcast.open_list", list.Count), Buttons = rows });
    }

    private static string Mark(Broadcast b) =>
        (b.Status == BroadcastStatus.Paused ? "⏸ " : b.Status == BroadcastStatus.Sending ? "📤 " : "") + (b.Recurrence == Recurrence.None ? "" : "🔁 ");

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
