using System.Globalization;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// A message as the page shows it: the outbox row's id is the message id (a button press names it, an edit
/// replaces it).
/// </summary>
/// <param name="At">When it was delivered (UTC); the page shows it in Vietnam's time.</param>
/// <param name="Expects">What the bot asks for: "datetime", "date" (a day that has been), "longtext", or null for anything.</param>
/// <param name="Urgent">An urgent broadcast (a warning for everyone), marked as such.</param>
/// <param name="Mine">The visitor's own choice (a pressed button's label), shown as their bubble.</param>
/// <param name="On">For <paramref name="Mine"/>: the id of the message whose button was pressed.</param>
public sealed record WebChatMessage(
    long Id, string Text, IReadOnlyList<IReadOnlyList<WebChatButton>> Buttons, long? Replaces, WebChatMedia? Media,
    DateTime? At = null, string? Expects = null, bool Urgent = false, bool Mine = false, long? On = null);

public sealed record WebChatButton(string Label, string Data);

public sealed record WebChatMedia(string Kind, string Source, string? Name = null);

/// <summary>
/// What was delivered to a visitor, read back from the outbox rows marked sent: one table for every channel,
/// and an erased resident's history goes with their outbox rows.
/// </summary>
/// <param name="Messages">Sent rows after the cursor, in order.</param>
/// <param name="Cursor">
/// Every row up to here is settled; rows after it may still be sent (a broadcast waiting for quiet hours to end),
/// so the next read starts here and the page skips ids it has already shown.
/// </param>
/// <param name="SoonMore">A row of the chat is being sent right now: read again shortly.</param>
public sealed record WebChatPage(IReadOnlyList<WebChatMessage> Messages, long Cursor, bool SoonMore);

public sealed class WebChatHistory(IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, TimeProvider time)
{
    public const int MaxHistory = 200;

    /// <summary>The conversation as the page shows it after a reload: the last messages, edits applied in place.</summary>
    public async Task<WebChatPage> ConversationAsync(string chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chat = db.Outbox.AsNoTracking().Where(o => o.Channel == WebChatChannel.ChannelName && o.ChatId == chatId);
        var sent = await chat.Where(o => o.Status == DeliveryStatus.Sent).OrderByDescending(o => o.Id).Take(MaxHistory).ToListAsync(cancellationToken);
        var unsettled = await chat.Where(o => o.Status == DeliveryStatus.Queued || o.Status == DeliveryStatus.InFlight)
            .OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);
        var last = await chat.OrderByDescending(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(cancellationToken);

        var urgent = await UrgentAsync(db, sent, cancellationToken);
        var messages = sent.OrderBy(o => o.Id).Select(o => ToMessage(o, urgent)).ToList();

        // A press that only edited its keyboard (a toggle, the next page) is no bubble: the keyboard shows it.
        var lastEdit = messages.Where(m => m.Replaces is not null).GroupBy(m => m.Replaces!.Value).ToDictionary(g => g.Key, g => g.Max(m => m.Id));
        var shown = new List<WebChatMessage>();
        var byId = new Dictionary<long, int>();
        foreach (var message in messages.Where(m => !(m.Mine && m.On is { } on && lastEdit.GetValueOrDefault(on) > m.Id)))
        {
            if (message.Replaces is { } replaced && byId.TryGetValue(replaced, out var index))
            {
                shown[index] = message with { Id = replaced, Replaces = null };
                continue;
            }

            byId[message.Id] = shown.Count;
            shown.Add(message with { Replaces = null });
        }

        var cursor = unsettled is { } first ? first - 1 : last ?? 0;
        await ForgetShownAsync(sent, cancellationToken);
        return new WebChatPage(shown, cursor, false);
    }

    /// <summary>Messages delivered after <paramref name="after"/>, in order (edits carry the id they replace).</summary>
    public async Task<WebChatPage> AfterAsync(string chatId, long after, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Outbox.AsNoTracking()
            .Where(o => o.Channel == WebChatChannel.ChannelName && o.ChatId == chatId && o.Id > after)
            .OrderBy(o => o.Id).Take(MaxHistory).ToListAsync(cancellationToken);

        var soon = time.GetUtcNow().UtcDateTime.AddSeconds(1);
        var cursor = after;
        var settled = true;
        var soonMore = false;
        var messages = new List<WebChatMessage>();
        var urgent = await UrgentAsync(db, rows, cancellationToken);
        foreach (var row in rows)
        {
            switch (row.Status)
            {
                case DeliveryStatus.Sent:
                    messages.Add(ToMessage(row, urgent));
                    break;
                case DeliveryStatus.Queued or DeliveryStatus.InFlight:
                    settled = false;
                    soonMore |= row.Status == DeliveryStatus.InFlight || row.NotBefore <= soon;
                    break;
            }

            if (settled)
            {
                cursor = row.Id;
            }
        }

        await ForgetShownAsync(rows, cancellationToken);
        return new WebChatPage(messages, cursor, soonMore);
    }

    /// <summary>
    /// The answer to an erasure goes once a page has it (the dispatcher leaves it, since the page reads it from here):
    /// then nothing in the database names the visitor's chat.
    /// </summary>
    private async Task ForgetShownAsync(IEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var forgotten = rows.Where(r => r.Status == DeliveryStatus.Sent && OutboxWriter.Read(r).ForgetsChat).Select(r => (r.Id, r.Channel, r.ChatId)).ToList();
        if (forgotten.Count > 0)
        {
            await writer.WriteAsync(async (scope, ct) =>
            {
                await DeliveryQueue.ForgetAsync(scope, forgotten, ct);
                return forgotten.Count;
            });
        }
    }

    /// <summary>The media of a message delivered to this chat; null when there is no such message or it has none.</summary>
    public async Task<MediaRef?> MediaAsync(string chatId, long id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Outbox.AsNoTracking()
            .SingleOrDefaultAsync(o => o.Id == id && o.Channel == WebChatChannel.ChannelName && o.ChatId == chatId && o.Status == DeliveryStatus.Sent, cancellationToken);
        return row is null ? null : OutboxWriter.Read(row).Media;
    }

    /// <summary>Which of these rows belong to an urgent broadcast (<see cref="BroadcastTopic.Urgent"/>).</summary>
    private static async Task<HashSet<long>> UrgentAsync(AntqDb db, IEnumerable<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.BroadcastId is not null).Select(r => r.BroadcastId!.Value).Distinct().ToList();
        return ids.Count == 0
            ? []
            : [.. await db.Broadcasts.AsNoTracking().Where(b => ids.Contains(b.Id) && b.Topic == BroadcastTopic.Urgent).Select(b => b.Id).ToListAsync(cancellationToken)];
    }

    private static WebChatMessage ToMessage(OutboxMessage row, HashSet<long> urgentBroadcasts)
    {
        var message = OutboxWriter.Read(row);
        var at = row.SentAt is { } sent ? DateTime.SpecifyKind(sent, DateTimeKind.Utc) : (DateTime?)null;
        if (row.Kind == OutboxKind.Echo)
        {
            var on = long.TryParse(row.ChannelMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var pressed) ? pressed : (long?)null;
            return new WebChatMessage(row.Id, message.Text, [], null, null, at, Mine: true, On: on);
        }

        var replaces = long.TryParse(message.ReplacesMessageId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (long?)null;
        var buttons = message.Buttons.Select(r => (IReadOnlyList<WebChatButton>)r.Select(b => new WebChatButton(b.Label, b.Data)).ToList()).ToList();
        var expects = message.Expects switch
        {
            ExpectedInput.DateTime => "datetime",
            ExpectedInput.Date => "date",
            ExpectedInput.LongText => "longtext",
            _ => null,
        };
        var urgent = row.BroadcastId is { } broadcast && urgentBroadcasts.Contains(broadcast);
        return new WebChatMessage(row.Id, message.Text, buttons, replaces, message.Media is { } media ? Shown(row.Id, media) : null, at, expects, urgent);
    }

    /// <summary>A web address is shown as it is; a channel's file (or a file the service made) is served by this chat's media address, under its name.</summary>
    private static WebChatMedia Shown(long rowId, MediaRef media) =>
        new(media.Kind.ToString().ToLowerInvariant(), media.Content is null && IsWebAddress(media.Source) ? media.Source : $"{WebChatChannel.Path}/media/{rowId.ToString(CultureInfo.InvariantCulture)}", media.FileName);

    private static bool IsWebAddress(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps;
}
