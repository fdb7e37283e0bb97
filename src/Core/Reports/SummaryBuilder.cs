using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Text;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Reports;

/// <summary>
/// Counts the summary with aggregate queries, one set per calendar year of the period, so the database does the
/// counting and only totals (and tip response times) come back.
/// </summary>
public sealed class SummaryBuilder(AntqDb db, AreaTree areas, IReadOnlyList<string> festivalWords)
{
    private readonly IReadOnlyList<string> _festivalWords = [.. festivalWords.Select(VietnameseText.Fold)];

    public async Task<SummaryReport> BuildAsync(ReportPeriod period, ReportArea area, DateTime now, CancellationToken cancellationToken)
    {
        var years = new List<PeriodFigures>();
        var units = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var festivalWards = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var responses = new List<TimeSpan>();
        var awareness = await AwarenessAsync(period, area, now, cancellationToken);
        foreach (var year in period.Years())
        {
            var (figures, yearUnits, yearWards, yearResponses) = await YearAsync(year, area, awareness, cancellationToken);
            years.Add(figures);
            units.UnionWith(yearUnits);
            festivalWards.UnionWith(yearWards);
            responses.AddRange(yearResponses);
        }

        var total = Sum(period, years) with { UnitsCovered = units.Count, FestivalWards = festivalWards.Count, MedianFirstResponse = Median(responses) };
        var name = area.Unit?.Name ?? area.Ward?.Name ?? areas.CityName;
        return new SummaryReport(period, area, name, area.Wards(areas).Count, area.UnitCount(areas), years, total, await SubscribersAsync(period, area, cancellationToken));
    }

    /// <summary>
    /// Broadcasts and events of the whole period, each with its count (deliveries sent, answers "coming"), counted in
    /// one grouped query each and split into years here: counting deliveries year by year would walk them ten times.
    /// </summary>
    private async Task<Awareness> AwarenessAsync(ReportPeriod period, ReportArea area, DateTime now, CancellationToken ct)
    {
        var (lo, hi) = (period.FromUtc, period.ToUtc);
        var started = db.Broadcasts.AsNoTracking().Where(b => b.StartedAt >= lo && b.StartedAt < hi);
        var addressed = area.WardId is { } wardId
            ? started.Where(b => b.WardIds == null || ("," + b.WardIds + ",").Contains("," + wardId + ","))
            : started;
        var broadcasts = await addressed.Select(b => new Dated<BroadcastTopic>(b.StartedAt!.Value, b.Topic)).ToListAsync(ct);
        var ids = started.Select(b => (long?)b.Id);
        var sent = db.Outbox.AsNoTracking().Where(o => o.Status == DeliveryStatus.Sent);

        // The city counts a broadcast's sent rows on the (BroadcastId, Status) index; a ward or unit counts its
        // residents' sent rows on the (Channel, ChatId, Status, BroadcastId) index.
        var reachedRows = area.WardId is null
            ? await sent.Where(o => ids.Contains(o.BroadcastId)).GroupBy(o => o.BroadcastId).Select(g => new ReachRow(g.Key!.Value, g.Count())).ToListAsync(ct)
            : await WardReachAsync(area, ct);
        var startedAt = await started.Select(b => new { b.Id, At = b.StartedAt!.Value }).ToDictionaryAsync(b => b.Id, b => b.At, ct);
        var reached = reachedRows.Where(r => startedAt.ContainsKey(r.Id)).Select(r => new Dated<int>(startedAt[r.Id], r.Count)).ToList();

        // Events belong to a ward: a unit's report shows its ward's.
        var heldBefore = now < hi ? now : hi;
        var events = db.Events.AsNoTracking().Where(e => e.Status != EventStatus.Cancelled && e.StartsAt >= lo && e.StartsAt < heldBefore);
        if (area.WardId is { } eventWard)
        {
            events = events.Where(e => e.WardId == eventWard);
        }

        var held = await events.Select(e => new { e.Id, e.WardId, e.Title, e.StartsAt }).ToListAsync(ct);
        var rsvps = await db.EventRsvps.AsNoTracking().Where(r => r.Coming && events.Select(e => e.Id).Contains(r.EventId))
            .GroupBy(r => r.EventId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return new Awareness(
            broadcasts,
            reached,
            [.. held.Select(e => new Dated<HeldEvent>(e.StartsAt, new HeldEvent(e.WardId, IsFestival(e.Title), rsvps.GetValueOrDefault(e.Id))))]);
    }

    private async Task<(PeriodFigures, List<string>, List<string>, List<TimeSpan>)> YearAsync(ReportPeriod year, ReportArea area, Awareness awareness, CancellationToken ct)
    {
        var (lo, hi) = (year.FromUtc, year.ToUtc);
        bool In<T>(Dated<T> d) => d.At >= lo && d.At < hi;
        var byTopic = awareness.Broadcasts.Where(In).GroupBy(b => b.Value).ToDictionary(g => g.Key, g => g.Count());
        var reached = awareness.Reached.Where(In).Sum(r => r.Value);
        var held = awareness.Events.Where(In).Select(e => e.Value).ToList();
        var rsvps = held.Sum(e => e.Rsvps);
        var festival = held.Where(e => e.Festival).Select(e => e.WardId).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // Questions to officers travel as tips but are not tips: the report counts tips only.
        var tips = db.Tips.AsNoTracking().Where(t => t.CreatedAt >= lo && t.CreatedAt < hi && t.Kind == TipKind.Tip);
        if (area.WardId is { } tipWard)
        {
            tips = tips.Where(t => t.WardId == tipWard);
        }

        if (area.UnitId is { } tipUnit)
        {
            tips = tips.Where(t => t.UnitId == tipUnit);
        }

        var byCategory = await tips.GroupBy(t => t.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var verified = await tips.CountAsync(t => t.Status == TipStatus.Verified
            || (t.Status == TipStatus.Closed && db.TipEvents.Any(e => e.TipId == t.Id && e.ToStatus == TipStatus.Verified)), ct);
        var answered = await tips.Where(t => t.FirstResponseAt != null).Select(t => new { t.CreatedAt, t.FirstResponseAt }).ToListAsync(ct);
        var responses = answered.Select(t => t.FirstResponseAt!.Value - t.CreatedAt).ToList();

        var pledges = db.Pledges.AsNoTracking().Where(p => p.CampaignYear == year.From.Year && p.WithdrawnAt == null);
        if (!year.IsWholeYear)
        {
            pledges = pledges.Where(p => p.SignedAt >= lo && p.SignedAt < hi);
        }

        if (area.WardId is { } pledgeWard)
        {
            pledges = pledges.Where(p => p.WardId == pledgeWard);
        }

        if (area.UnitId is { } pledgeUnit)
        {
            pledges = pledges.Where(p => p.UnitId == pledgeUnit);
        }

        var counted = await pledges.GroupBy(p => new { p.TypeId, p.Source }).Select(g => new { g.Key.TypeId, g.Key.Source, Count = g.Count() }).ToListAsync(ct);
        var signers = await pledges.GroupBy(p => p.SignerKind).Select(g => new { g.Key, Count = g.Select(p => p.SignerKey).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var units = await pledges.Select(p => p.UnitId).Distinct().ToListAsync(ct);

        var newSubscribers = await Residents(area).CountAsync(r => r.ConsentedAt >= lo && r.ConsentedAt < hi, ct);

        var figures = new PeriodFigures
        {
            Period = year,
            BroadcastsByTopic = byTopic,
            Reached = reached,
            EventsHeld = held.Count,
            Rsvps = rsvps,
            FestivalWards = festival.Count,
            TipsByCategory = byCategory,
            TipsVerified = verified,
            TipsAnswered = responses.Count,
            MedianFirstResponse = Median(responses),
            Signers = signers,
            PledgesByType = counted.GroupBy(c => c.TypeId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            ChatPledges = counted.Where(c => c.Source == PledgeSource.Chat).Sum(c => c.Count),
            PaperPledges = counted.Where(c => c.Source == PledgeSource.Paper).Sum(c => c.Count),
            UnitsCovered = units.Count,
            NewSubscribers = newSubscribers,
        };
        return (figures, units, festival, responses);
    }

    private async Task<IReadOnlyList<WardSubscribers>> SubscribersAsync(ReportPeriod period, ReportArea area, CancellationToken ct)
    {
        var end = period.ToUtc;
        var byWard = await Residents(area).Where(r => r.Status == ResidentStatus.Active && r.ConsentedAt < end)
            .GroupBy(r => r.WardId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var counts = byWard.Where(w => w.Key is not null).ToDictionary(w => w.Key!, w => w.Count, StringComparer.OrdinalIgnoreCase);
        return [.. area.Wards(areas).Select(w => new WardSubscribers(w, counts.GetValueOrDefault(w.Id)))];
    }

    private IQueryable<Resident> Residents(ReportArea area)
    {
        var residents = db.Residents.AsNoTracking().Where(r => r.ConsentedAt != null);
        if (area.WardId is { } ward)
        {
            residents = residents.Where(r => r.WardId == ward);
        }

        return area.UnitId is { } unit ? residents.Where(r => r.UnitId == unit) : residents;
    }

    /// <summary>
    /// A ward's residents first, then their sent deliveries: CROSS JOIN keeps that order, which SQLite's planner,
    /// misled by sampled statistics on a large outbox, may otherwise turn round into a walk of every sent row.
    /// </summary>
    private async Task<List<ReachRow>> WardReachAsync(ReportArea area, CancellationToken ct)
    {
        var sent = (int)DeliveryStatus.Sent;
        return await db.Database.SqlQuery<ReachRow>($"""
            SELECT o.BroadcastId AS Id, COUNT(*) AS Count
            FROM residents AS r CROSS JOIN outbox AS o
            WHERE r.WardId = {area.WardId} AND ({area.UnitId} IS NULL OR r.UnitId = {area.UnitId}) AND r.ConsentedAt IS NOT NULL
              AND o.Channel = r.Channel AND o.ChatId = r.ChatId AND o.Status = {sent} AND o.BroadcastId IS NOT NULL
            GROUP BY o.BroadcastId
            """).ToListAsync(ct);
    }

    private sealed record ReachRow(long Id, int Count);

    private sealed record Dated<T>(DateTime At, T Value);

    private sealed record HeldEvent(string WardId, bool Festival, int Rsvps);

    private sealed record Awareness(List<Dated<BroadcastTopic>> Broadcasts, List<Dated<int>> Reached, List<Dated<HeldEvent>> Events);

    private bool IsFestival(string title) => _festivalWords.Any(VietnameseText.Fold(title).Contains);

    private static PeriodFigures Sum(ReportPeriod period, IReadOnlyList<PeriodFigures> years) => new()
    {
        Period = period,
        BroadcastsByTopic = SumBy(years.Select(y => y.BroadcastsByTopic)),
        Reached = years.Sum(y => y.Reached),
        EventsHeld = years.Sum(y => y.EventsHeld),
        Rsvps = years.Sum(y => y.Rsvps),
        TipsByCategory = SumBy(years.Select(y => y.TipsByCategory)),
        TipsVerified = years.Sum(y => y.TipsVerified),
        TipsAnswered = years.Sum(y => y.TipsAnswered),
        Signers = SumBy(years.Select(y => y.Signers)),
        PledgesByType = SumBy(years.Select(y => y.PledgesByType)),
        ChatPledges = years.Sum(y => y.ChatPledges),
        PaperPledges = years.Sum(y => y.PaperPledges),
        NewSubscribers = years.Sum(y => y.NewSubscribers),
    };

    private static Dictionary<TKey, int> SumBy<TKey>(IEnumerable<IReadOnlyDictionary<TKey, int>> counts)
        where TKey : notnull
    {
        var sum = new Dictionary<TKey, int>();
        foreach (var (key, n) in counts.SelectMany(c => c))
        {
            sum[key] = sum.GetValueOrDefault(key) + n;
        }

        return sum;
    }

    private static TimeSpan? Median(List<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
