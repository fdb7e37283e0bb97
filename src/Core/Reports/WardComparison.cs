using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Events;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Reports;

/// <summary>
/// Each ward's figures over a city report's whole period, counted with one grouped query a measure (a report per
/// ward would run the whole summary a hundred times for a province). The sources are the summary's own — tallies
/// for whole years, facts for parts of a year, a finished broadcast's deliveries as recorded by ward — so a ward's
/// row agrees with that ward's own report.
/// </summary>
public static class WardComparison
{
    public static async Task<IReadOnlyList<WardFigures>> CountAsync(
        AntqDb db, AreaTree areas, ReportPeriod period, IReadOnlyList<WardSubscribers> subscribers, DateTime now, CancellationToken ct)
    {
        var (lo, hi) = (period.FromUtc, period.ToUtc);
        var tips = await db.Tips.AsNoTracking().Where(t => t.CreatedAt >= lo && t.CreatedAt < hi && t.Kind == TipKind.Tip)
            .GroupBy(t => t.WardId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pledges = await PledgesAsync(db, period, ct);

        var started = db.Broadcasts.AsNoTracking().Where(b => b.StartedAt >= lo && b.StartedAt < hi);
        var reached = await db.BroadcastDelivered.AsNoTracking()
            .Where(r => started.Where(b => b.Delivered != null).Select(b => b.Id).Contains(r.BroadcastId))
            .GroupBy(r => r.WardId).Select(g => new { g.Key, Sent = g.Sum(r => r.Sent) }).ToDictionaryAsync(g => g.Key, g => g.Sent, ct);
        foreach (var sending in await started.Where(b => b.Delivered == null).Select(b => b.Id).ToListAsync(ct))
        {
            // Still sending: what it has delivered so far, by the recipients' ward, as the summary counts it.
            var sent = await db.Outbox.AsNoTracking().Where(o => o.BroadcastId == sending && o.Status == DeliveryStatus.Sent)
                .Join(db.Residents.AsNoTracking(), o => new { o.Channel, o.ChatId }, r => new { r.Channel, r.ChatId }, (o, r) => r.WardId)
                .Where(w => w != null).GroupBy(w => w!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            foreach (var ward in sent)
            {
                reached[ward.Key] = reached.GetValueOrDefault(ward.Key) + ward.Count;
            }
        }

        var heldBefore = now < hi ? now : hi;
        var events = await db.Events.AsNoTracking().Where(e => e.Status != EventStatus.Cancelled && e.StartsAt >= lo && e.StartsAt < heldBefore)
            .GroupBy(e => e.WardId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var active = subscribers.ToDictionary(s => s.Ward.Id, s => s.Active, StringComparer.OrdinalIgnoreCase);
        return [.. areas.Wards.Select(w => new WardFigures(
            w, pledges.GetValueOrDefault(w.Id), tips.GetValueOrDefault(w.Id), reached.GetValueOrDefault(w.Id), events.GetValueOrDefault(w.Id), active.GetValueOrDefault(w.Id)))];
    }

    /// <summary>Pledges in force: whole years from the tallies, parts of a year from the pledges signed in them.</summary>
    private static async Task<Dictionary<string, int>> PledgesAsync(AntqDb db, ReportPeriod period, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var whole = period.Years().Where(y => y.IsWholeYear).Select(y => y.From.Year).ToList();
        if (whole.Count > 0)
        {
            var (first, last) = (whole.Min(), whole.Max());
            var tallied = await db.PledgeTallies.AsNoTracking().Where(t => t.CampaignYear >= first && t.CampaignYear <= last && t.Pledges > 0)
                .GroupBy(t => t.WardId).Select(g => new { g.Key, Count = g.Sum(t => t.Pledges) }).ToListAsync(ct);
            Add(counts, tallied.Select(t => (t.Key, t.Count)));
        }

        foreach (var part in period.Years().Where(y => !y.IsWholeYear))
        {
            var (lo, hi, year) = (part.FromUtc, part.ToUtc, part.From.Year);
            var signed = await db.Pledges.AsNoTracking().Where(p => p.CampaignYear == year && p.WithdrawnAt == null && p.SignedAt >= lo && p.SignedAt < hi)
                .GroupBy(p => p.WardId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            Add(counts, signed.Select(s => (s.Key, s.Count)));
        }

        return counts;
    }

    private static void Add(Dictionary<string, int> counts, IEnumerable<(string Ward, int Count)> rows)
    {
        foreach (var (ward, n) in rows)
        {
            counts[ward] = counts.GetValueOrDefault(ward) + n;
        }
    }
}
