using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Reports;
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

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var due in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Scheduled && b.ScheduledFor <= now).ToListAsync(cancellationToken))
            {
                if (now - due.ScheduledFor > options.Value.MissedGrace)
                {
                    // A repeating broadcast loses only this occurrence; the next one stays scheduled.
                    await TellOfficerAsync(db, due, texts.Get(Languages.Officers, "broadcast.missed", due.Id, LocalTime.Format(due.ScheduledFor, Languages.Officers)), now, cancellationToken);
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

                var (count, notBefore) = await StartAsync(db, sending, deliveryOptions.Value, now, cancellationToken);
                await BroadcastProgress.StartAsync(db, sending, texts.Get(Languages.Officers, notBefore > now ? "broadcast.started_quiet" : "broadcast.started", sending.Id, count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")), LocalTime.Format(notBefore, Languages.Officers)), now, cancellationToken);
            }

            foreach (var sending in await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Sending).ToListAsync(cancellationToken))
            {
                var byStatus = await db.Outbox.Where(o => o.BroadcastId == sending.Id).GroupBy(o => o.Status)
                    .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
                var finished = !byStatus.Keys.Any(s => s is DeliveryStatus.Queued or DeliveryStatus.InFlight);
                await BroadcastProgress.UpdateAsync(db, sending, byStatus, finished, texts, options.Value.ProgressEvery, now, cancellationToken);
                if (!finished)
                {
                    continue;
                }

                sending.Status = BroadcastStatus.Sent;
                sending.FinishedAt = now;
                await SettleAsync(db, sending, cancellationToken);
                var report = texts.Get(Languages.Officers, "broadcast.report", sending.Id, byStatus.GetValueOrDefault(DeliveryStatus.Sent), byStatus.GetValueOrDefault(DeliveryStatus.Blocked), byStatus.GetValueOrDefault(DeliveryStatus.Failed), sending.Recipients);
                if (byStatus.GetValueOrDefault(DeliveryStatus.NotReachable) is > 0 and var notReachable)
                {
                    report += "\n" + texts.Get(Languages.Officers, "broadcast.report_not_reachable", notReachable);
                }

                await TellOfficerAsync(db, sending, report, now, cancellationToken);
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

        delivery.Notify();
    }

    /// <summary>Records what a finished broadcast delivered, in total and by the recipients' ward and unit, for the summary report.</summary>
    private static async Task SettleAsync(AntqDb db, Broadcast broadcast, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteAsync(ReportTallies.Settle, new SqlParameters { ["@id"] = broadcast.Id }, cancellationToken);
        await db.Entry(broadcast).ReloadAsync(cancellationToken);
    }

    /// <summary>Expands the broadcast into deliveries; non-urgent ones wait out quiet hours. Returns the count and when sending starts.</summary>
    public static async Task<(int Count, DateTime NotBefore)> StartAsync(AntqDb db, Broadcast broadcast, DeliveryOptions delivery, DateTime now, CancellationToken cancellationToken)
    {
        var notBefore = broadcast.Topic != BroadcastTopic.Urgent && QuietHours.TryParse(delivery.QuietHours, out var quiet) && quiet is not null
            ? quiet.NextAllowed(now)
            : now;
        var count = await BroadcastAudience.ExpandAsync(db, broadcast, now, notBefore, cancellationToken);
        broadcast.Status = BroadcastStatus.Sending;
        broadcast.StartedAt = now;
        broadcast.Recipients = count;
        return (count, notBefore);
    }

    private static async Task TellOfficerAsync(AntqDb db, Broadcast broadcast, string text, DateTime now, CancellationToken cancellationToken)
    {
        var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == broadcast.OfficerId, cancellationToken);
        if (officer is not null)
        {
            OutboxWriter.Enqueue(db, officer.Channel, officer.ChatId, [new OutgoingMessage { Text = text }], DeliveryPriority.Reply, now, OutboxKind.Notice);
        }
    }
}
