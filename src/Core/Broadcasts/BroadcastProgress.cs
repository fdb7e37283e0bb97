using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The officer's one progress message of a running broadcast: sent when it starts, then edited in place with the
/// counts, the percentage and the time left — at most every few seconds, one edit in flight at a time, and behind
/// replies (reminder priority), so it never crowds out answers to residents.
/// </summary>
public static class BroadcastProgress
{
    /// <summary>Writes the first progress message (its channel id is kept for the edits) and remembers it on the broadcast.</summary>
    public static async Task StartAsync(WriteScope scope, Broadcast broadcast, string text, DateTime now, CancellationToken cancellationToken)
    {
        var officer = await scope.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == broadcast.OfficerId, cancellationToken);
        if (officer is null)
        {
            return;
        }

        var message = new OutgoingMessage { Text = text, KeepsMessageId = true };
        var row = (await OutboxWriter.WriteAsync(scope, officer.Channel, officer.ChatId, [OutboxWriter.Payload(message)], DeliveryPriority.Reply, now, cancellationToken, OutboxKind.Notice))[0];
        broadcast.ProgressOutboxId = row.Id;
        broadcast.ProgressAt = now;
    }

    /// <summary>Edits the progress message with <paramref name="byStatus"/> if it is time (always when <paramref name="finished"/>).</summary>
    /// <remarks>Recipients who <paramref name="left"/> (erased their data, left the channel) count as done: nothing more goes to them.</remarks>
    /// <returns>
    /// True when the broadcast is finished but its final edit could not be written yet (the previous edit is still on
    /// its way): the broadcast stays sending until the next tick writes it, so the message never stops short of 100 %.
    /// </returns>
    public static async Task<bool> UpdateAsync(WriteScope scope, Broadcast broadcast, IReadOnlyDictionary<DeliveryStatus, int> byStatus, int left, bool finished, TextCatalog texts, TimeSpan every, DateTime now, CancellationToken cancellationToken)
    {
        int Count(DeliveryStatus status) => byStatus.GetValueOrDefault(status);
        var (sent, blocked, failed) = (Count(DeliveryStatus.Sent), Count(DeliveryStatus.Blocked), Count(DeliveryStatus.Failed));
        var done = sent + blocked + failed + left;
        // A broadcast done before its first edit keeps its start message: the final report says the rest.
        if (broadcast.ProgressOutboxId is not { } lastId
            || (!finished && (done == 0 || now - broadcast.ProgressAt < every))
            || (finished && broadcast.ProgressAt <= broadcast.StartedAt))
        {
            return false;
        }

        // The previous one must be out (its id known) before the next edit: edits never pile up behind a slow channel.
        var last = await scope.Db.Outbox.AsNoTracking().Where(o => o.Id == lastId)
            .Select(o => new { o.Channel, o.ChatId, o.Status, o.ChannelMessageId }).SingleOrDefaultAsync(cancellationToken);
        if (last is not { Status: DeliveryStatus.Sent, ChannelMessageId: { } messageId })
        {
            return finished && last is { Status: DeliveryStatus.Queued or DeliveryStatus.InFlight };
        }

        var total = Math.Max(broadcast.Recipients, done + Count(DeliveryStatus.Queued) + Count(DeliveryStatus.InFlight));
        var waiting = Math.Max(0, total - done - Count(DeliveryStatus.Cancelled));
        var percent = total == 0 ? 100 : done * 100 / total;
        // Who left (erased their data, left the channel) is said only when someone did, so that the counts add up.
        var text = (finished, left > 0) switch
        {
            (true, false) => texts.Get(Languages.Officers, "broadcast.progress_done", broadcast.Id, total, N(sent), N(blocked), N(failed)),
            (true, true) => texts.Get(Languages.Officers, "broadcast.progress_done_left", broadcast.Id, total, N(sent), N(blocked), N(failed), N(left)),
            (false, false) => texts.Get(Languages.Officers, "broadcast.progress", broadcast.Id, total, N(sent), N(blocked), N(failed), N(waiting), percent, TimeLeft(texts, broadcast, done, waiting, now)),
            (false, true) => texts.Get(Languages.Officers, "broadcast.progress_left", broadcast.Id, total, N(sent), N(blocked), N(failed), N(waiting), percent, TimeLeft(texts, broadcast, done, waiting, now), N(left)),
        };
        var edit = new OutgoingMessage { Text = text, ReplacesMessageId = messageId, KeepsMessageId = true };
        var row = (await OutboxWriter.WriteAsync(scope, last.Channel, last.ChatId, [OutboxWriter.Payload(edit)], DeliveryPriority.Reminder, now, cancellationToken, OutboxKind.Notice))[0];
        broadcast.ProgressOutboxId = row.Id;
        broadcast.ProgressAt = now;
        return false;
    }

    /// <summary>What is left at the rate so far since the first message went.</summary>
    private static string TimeLeft(TextCatalog texts, Broadcast broadcast, int done, int waiting, DateTime now)
    {
        var elapsed = now - (broadcast.StartedAt ?? now);
        if (done == 0 || elapsed <= TimeSpan.Zero)
        {
            return texts.Get(Languages.Officers, "broadcast.eta_unknown");
        }

        var left = TimeSpan.FromSeconds(waiting * elapsed.TotalSeconds / done);
        return left < TimeSpan.FromMinutes(1)
            ? texts.Get(Languages.Officers, "broadcast.eta_seconds", Math.Max(1, (int)Math.Ceiling(left.TotalSeconds)))
            : texts.Get(Languages.Officers, "broadcast.eta_minutes", (int)Math.Ceiling(left.TotalMinutes));
    }

    private static string N(int count) => count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"));
}
