using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Reports;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Locale;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The broadcasts' side of time, run by a Quartz job: due broadcasts become deliveries (or are recorded as
/// missed past the grace time, and their officer told); finished ones get a final report.
/// </summary>
public sealed class BroadcastClock(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    TextCatalog texts,
    DeliverySignal delivery,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    IOptions<DeliveryOptions> deliveryOptions)
{
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Most ticks find nothing due, sending or to settle: they find it out without taking the single writer's
        // turn or waking the dispatcher.
        if (!await db.Broadcasts.AnyAsync(
                b => (b.Status == BroadcastStatus.Scheduled && b.ScheduledFor <= now) || b.Status == BroadcastStatus.Sending
                    || (b.Status == BroadcastStatus.Cancelled && b.StartedAt != null && b.Delivered == null),
                cancellationToken))
        {
            return;
        }

        WriteScope scope;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            scope = WriteScope.Of(db);
            foreach (var due in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Scheduled && b.ScheduledFor <= now).ToListAsync(cancellationToken))
            {
                if (now - due.ScheduledFor > options.Value.MissedGrace)
                {
                    // A repeating broadcast loses only this occurrence; the next one stays scheduled.
                    await TellOfficerAsync(scope, due, texts.Get(Languages.Officers, "broadcast.missed", due.Id, LocalTime.Format(due.ScheduledFor, Languages.Officers)), now, cancellationToken);
                    if (due.Recurrence == Recurrence.None)
                    {
                        due.Status = BroadcastStatus.Missed;
                    }
                    else
                    {
                        due.ScheduledFor = Recurrences.Next(due.Recurrence, due.FirstAt ?? due.ScheduledFor, now, due.Weekdays);
                    }

                    continue;
                }

                var sending = due;
                if (due.Recurrence != Recurrence.None)
                {
                    // The repeating broadcast stays scheduled for its next time; this occurrence is a copy of its own.
                    sending = new Broadcast
                    {
                        OfficerId = due.OfficerId, Text = due.Text, PhotoFileId = due.PhotoFileId, PhotoChannel = due.PhotoChannel, Topic = due.Topic,
                        WardIds = due.WardIds, UnitIds = due.UnitIds, Language = due.Language, ScheduledFor = due.ScheduledFor, CreatedAt = now,
                    };
                    db.Broadcasts.Add(sending);
                    await db.SaveChangesAsync(cancellationToken);
                    due.ScheduledFor = Recurrences.Next(due.Recurrence, due.FirstAt ?? due.ScheduledFor, now, due.Weekdays);
                }

                var (count, notBefore) = await StartAsync(scope, sending, deliveryOptions.Value, now, cancellationToken);
                await BroadcastProgress.StartAsync(scope, sending, texts.Get(Languages.Officers, notBefore > now ? "broadcast.started_quiet" : "broadcast.started", sending.Id, count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), LocalTime.Format(notBefore, Languages.Officers)), now, cancellationToken);

                // Saved now, so that the sending broadcasts below include it (one with no one left to reach finishes in this tick).
                await db.SaveChangesAsync(cancellationToken);
            }

            foreach (var sending in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Sending).ToListAsync(cancellationToken))
            {
                var (byStatus, left) = await CountAsync(db, sending, cancellationToken);
                var finished = !byStatus.Keys.Any(s => s is DeliveryStatus.Queued or DeliveryStatus.InFlight);
                var owesFinalEdit = await BroadcastProgress.UpdateAsync(scope, sending, byStatus, left, finished, texts, options.Value.ProgressEvery, now, cancellationToken);
                if (!finished || owesFinalEdit)
                {
                    continue;
                }

                sending.Status = BroadcastStatus.Sent;
                sending.FinishedAt = now;
                await SettleAsync(db, sending, cancellationToken);
                var (sent, blocked, failed) = (byStatus.GetValueOrDefault(DeliveryStatus.Sent), byStatus.GetValueOrDefault(DeliveryStatus.Blocked), byStatus.GetValueOrDefault(DeliveryStatus.Failed));
                var report = left > 0
                    ? texts.Get(Languages.Officers, "broadcast.report_left", sending.Id, sent, blocked, failed, left, sending.Recipients)
                    : texts.Get(Languages.Officers, "broadcast.report", sending.Id, sent, blocked, failed, sending.Recipients);
                if (byStatus.GetValueOrDefault(DeliveryStatus.NotReachable) is > 0 and var notReachable)
                {
                    report += "\n" + texts.Get(Languages.Officers, "broadcast.report_not_reachable", notReachable);
                }

                await TellOfficerAsync(scope, sending, report, now, cancellationToken);
            }

            // A broadcast cancelled while it was sending is counted once its last messages in flight have come back.
            foreach (var cancelled in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Cancelled && b.StartedAt != null && b.Delivered == null).ToListAsync(cancellationToken))
            {
                if (!await db.Outbox.AnyAsync(o => o.BroadcastId == cancelled.Id && (o.Status == DeliveryStatus.Queued || o.Status == DeliveryStatus.InFlight), cancellationToken))
                {
                    await SettleAsync(db, cancelled, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // Starts, edits and reports the writer queued: the dispatcher is woken for them once committed.
        if (scope.Queued > 0)
        {
            delivery.Notify();
        }
    }

    /// <summary>
    /// A broadcast's rows by status, and how many of its recipients left: erased their data (their rows went with it)
    /// or left the channel (a failed send to them is not a failure of the broadcast). So the counts add up to its
    /// recipients.
    /// </summary>
    private static async Task<(Dictionary<DeliveryStatus, int> ByStatus, int Left)> CountAsync(AntqDb db, Broadcast broadcast, CancellationToken cancellationToken)
    {
        var byStatus = await db.Outbox.Where(o => o.BroadcastId == broadcast.Id).GroupBy(o => o.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        var leftChannel = await db.Outbox.CountAsync(
            o => o.BroadcastId == broadcast.Id && o.Status == DeliveryStatus.Failed
                && db.Residents.Any(r => r.Channel == o.Channel && r.ChatId == o.ChatId && r.Status == ResidentStatus.Left),
            cancellationToken);
        if (leftChannel > 0)
        {
            byStatus[DeliveryStatus.Failed] -= leftChannel;
        }

        var erased = Math.Max(0, broadcast.Recipients - byStatus.Values.Sum() - leftChannel);
        return (byStatus, erased + leftChannel);
    }

    /// <summary>Records what a finished broadcast delivered, in total and by the recipients' ward and unit, for the summary report.</summary>
    private static async Task SettleAsync(AntqDb db, Broadcast broadcast, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteAsync(ReportTallies.Settle, new SqlParameters { ["@id"] = broadcast.Id }, cancellationToken);
        await db.Entry(broadcast).ReloadAsync(cancellationToken);
    }

    /// <summary>Expands the broadcast into deliveries; non-urgent ones wait out quiet hours. Returns the count and when sending starts.</summary>
    public static async Task<(int Count, DateTime NotBefore)> StartAsync(WriteScope scope, Broadcast broadcast, DeliveryOptions delivery, DateTime now, CancellationToken cancellationToken)
    {
        var notBefore = broadcast.Topic != BroadcastTopic.Urgent && QuietHours.TryParse(delivery.QuietHours, out var quiet) && quiet is not null
            ? quiet.NextAllowed(now)
            : now;
        var count = await BroadcastAudience.ExpandAsync(scope, broadcast, now, notBefore, cancellationToken);
        broadcast.Status = BroadcastStatus.Sending;
        broadcast.StartedAt = now;
        broadcast.Recipients = count;
        return (count, notBefore);
    }

    private static async Task TellOfficerAsync(WriteScope scope, Broadcast broadcast, string text, DateTime now, CancellationToken cancellationToken)
    {
        var officer = await scope.Db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == broadcast.OfficerId, cancellationToken);
        if (officer is not null)
        {
            await OutboxWriter.WriteAsync(scope, [new OutboxSend(officer.Channel, officer.ChatId, new OutgoingMessage { Text = text }, DeliveryPriority.Reply, OutboxKind.Notice)], now, cancellationToken);
        }
    }
}
