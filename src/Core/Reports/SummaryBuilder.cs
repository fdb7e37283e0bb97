using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Locale;
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
        var tallied = await TalliedPledgesAsync(period, area, cancellationToken);
        var residents = await ResidentTalliesAsync(area, cancellationToken);
        foreach (var year in period.Years())
        {
            var pledges = tallied.TryGetValue(year.From.Year, out var counted) && year.IsWholeYear ? counted : await PledgeFactsAsync(year, area, cancellationToken);
            var newSubscribers = year.IsWholeYear
                ? residents.Where(r => r.ConsentYear == year.From.Year).Sum(r => r.Residents)
                : await Residents(area).CountAsync(r => r.ConsentedAt >= year.FromUtc && r.ConsentedAt < year.ToUtc, cancellationToken);
            var (figures, yearUnits, yearWards, yearResponses) = await YearAsync(year, area, awareness, pledges, newSubscribers, cancellationToken);
            years.Add(figures);
            units.UnionWith(yearUnits);
            festivalWards.UnionWith(yearWards);
            responses.AddRange(yearResponses);
        }

        var total = Sum(period, years) with { UnitsCovered = units.Count, FestivalWards = festivalWards.Count, MedianFirstResponse = Median(responses) };
        var name = area.Unit?.Name ?? area.Ward?.Name ?? areas.CityName;
        var subscribers = await SubscribersAsync(period, area, residents, cancellationToken);
        return new SummaryReport(period, area, name, area.Wards(areas).Count, area.UnitCount(areas), years, total, subscribers)
        {
            Wards = area.Ward is null && areas.Wards.Count > 1 ? await WardComparison.CountAsync(db, areas, period, subscribers, now, cancellationToken) : [],
        };
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

        // A finished broadcast's deliveries were counted when it finished (in total, and by ward and unit); only those
        // still sending are counted from the outbox.
        var delivered = await started.Select(b => new { b.Id, At = b.StartedAt!.Value, b.Delivered }).ToListAsync(ct);
        var counted = area.WardId is null
            ? delivered.Where(b => b.Delivered is not null).ToDictionary(b => b.Id, b => b.Delivered!.Value)
            : await DeliveredIn(area).Where(r => started.Select(b => b.Id).Contains(r.BroadcastId))
                .GroupBy(r => r.BroadcastId).Select(g => new { g.Key, Sent = g.Sum(r => r.Sent) }).ToDictionaryAsync(g => g.Key, g => g.Sent, ct);
        var reached = new List<Dated<int>>();
        foreach (var b in delivered)
        {
            var sent = b.Delivered is not null ? counted.GetValueOrDefault(b.Id) : await SendingReachAsync(b.Id, area, ct);
            reached.Add(new Dated<int>(b.At, sent));
        }

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

    private async Task<(PeriodFigures, IReadOnlyCollection<string>, List<string>, List<TimeSpan>)> YearAsync(
        ReportPeriod year, ReportArea area, Awareness awareness, PledgeYear pledges, int newSubscribers, CancellationToken ct)
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
            Signers = pledges.Signers,
            PledgesByType = pledges.ByType,
            ChatPledges = pledges.Chat,
            PaperPledges = pledges.Paper,
            UnitsCovered = pledges.Units.Count,
            NewSubscribers = newSubscribers,
        };
        return (figures, pledges.Units, festival, responses);
    }

    /// <summary>Residents still active who had subscribed by the end of the period, by ward: from the tallies when it ends with a year.</summary>
    private async Task<IReadOnlyList<WardSubscribers>> SubscribersAsync(ReportPeriod period, ReportArea area, List<ResidentCount> tallied, CancellationToken ct)
    {
        Dictionary<string, int> counts;
        if (period.To == new DateOnly(period.To.Year, 12, 31))
        {
            counts = tallied.Where(r => r.Status == ResidentStatus.Active && r.ConsentYear <= period.To.Year && r.WardId != "")
                .GroupBy(r => r.WardId, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Sum(r => r.Residents), StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            var end = period.ToUtc;
            var byWard = await Residents(area).Where(r => r.Status == ResidentStatus.Active && r.ConsentedAt < end)
                .GroupBy(r => r.WardId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            counts = byWard.Where(w => w.Key is not null).ToDictionary(w => w.Key!, w => w.Count, StringComparer.OrdinalIgnoreCase);
        }

        return [.. area.Wards(areas).Select(w => new WardSubscribers(w, counts.GetValueOrDefault(w.Id)))];
    }

    private async Task<List<ResidentCount>> ResidentTalliesAsync(ReportArea area, CancellationToken ct) =>
        await InArea(db.ResidentTallies.AsNoTracking().Where(t => t.Residents > 0), area)
            .GroupBy(t => new { t.ConsentYear, t.WardId, t.Status })
            .Select(g => new ResidentCount(g.Key.ConsentYear, g.Key.WardId, g.Key.Status, g.Sum(t => t.Residents)))
            .ToListAsync(ct);

    /// <summary>The pledges of the period's whole years, from the tallies, by campaign year.</summary>
    private async Task<Dictionary<int, PledgeYear>> TalliedPledgesAsync(ReportPeriod period, ReportArea area, CancellationToken ct)
    {
        var whole = period.Years().Where(y => y.IsWholeYear).Select(y => y.From.Year).ToList();
        if (whole.Count == 0)
        {
            return [];
        }

        var (first, last) = (whole.Min(), whole.Max());
        var pledges = InArea(db.PledgeTallies.AsNoTracking().Where(t => t.CampaignYear >= first && t.CampaignYear <= last && t.Pledges > 0), area);
        var counted = await pledges.GroupBy(t => new { t.CampaignYear, t.TypeId, t.Source })
            .Select(g => new PledgeCount(g.Key.CampaignYear, g.Key.TypeId, g.Key.Source, g.Sum(t => t.Pledges))).ToListAsync(ct);
        var units = await pledges.Select(t => new { t.CampaignYear, t.UnitId }).Distinct().ToListAsync(ct);
        var signers = await InArea(db.SignerTallies.AsNoTracking().Where(t => t.CampaignYear >= first && t.CampaignYear <= last && t.Signers > 0), area)
            .GroupBy(t => new { t.CampaignYear, t.SignerKind }).Select(g => new { g.Key.CampaignYear, g.Key.SignerKind, Count = g.Sum(t => t.Signers) }).ToListAsync(ct);
        return whole.ToDictionary(y => y, y => PledgeYear.Of(
            [.. counted.Where(c => c.Year == y)],
            signers.Where(s => s.CampaignYear == y).ToDictionary(s => s.SignerKind, s => s.Count),
            units.Where(u => u.CampaignYear == y).Select(u => u.UnitId)));
    }

    /// <summary>A part of a year (last month, a custom range) counted from the pledges signed in it.</summary>
    private async Task<PledgeYear> PledgeFactsAsync(ReportPeriod year, ReportArea area, CancellationToken ct)
    {
        var pledges = db.Pledges.AsNoTracking().Where(p => p.CampaignYear == year.From.Year && p.WithdrawnAt == null && p.SignedAt >= year.FromUtc && p.SignedAt < year.ToUtc);
        if (area.WardId is { } ward)
        {
            pledges = pledges.Where(p => p.WardId == ward);
        }

        if (area.UnitId is { } unit)
        {
            pledges = pledges.Where(p => p.UnitId == unit);
        }

        var counted = await pledges.GroupBy(p => new { p.TypeId, p.Source })
            .Select(g => new PledgeCount(year.From.Year, g.Key.TypeId, g.Key.Source, g.Count())).ToListAsync(ct);

        // A signer counts once in their unit, as in the tallies.
        var signers = await pledges.Select(p => new { p.SignerKind, p.UnitId, p.SignerKey }).Distinct()
            .GroupBy(p => p.SignerKind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var units = await pledges.Select(p => p.UnitId).Distinct().ToListAsync(ct);
        return PledgeYear.Of(counted, signers, units);
    }

    private static IQueryable<T> InArea<T>(IQueryable<T> rows, ReportArea area)
        where T : class, IAreaCount
    {
        if (area.WardId is { } ward)
        {
            rows = rows.Where(r => r.WardId == ward);
        }

        return area.UnitId is { } unit ? rows.Where(r => r.UnitId == unit) : rows;
    }

    private IQueryable<BroadcastDelivered> DeliveredIn(ReportArea area) => InArea(db.BroadcastDelivered.AsNoTracking(), area);

    /// <summary>A broadcast still sending: its sent deliveries so far, to the area's residents.</summary>
    private async Task<int> SendingReachAsync(long broadcastId, ReportArea area, CancellationToken ct)
    {
        var sent = (int)DeliveryStatus.Sent;
        if (area.WardId is null)
        {
            return await db.Outbox.CountAsync(o => o.BroadcastId == broadcastId && o.Status == DeliveryStatus.Sent, ct);
        }

        var parameters = new SqlParameters { ["@broadcast"] = broadcastId, ["@sent"] = sent, ["@ward"] = area.WardId };

        // The unit's condition only when there is one: PostgreSQL cannot type a NULL parameter in "@unit IS NULL".
        var inUnit = "";
        if (area.UnitId is { } unit)
        {
            parameters["@unit"] = unit;
            inUnit = """ AND r."UnitId" = @unit""";
        }

        return await db.Database.Query<int>(
            $"""
            SELECT COUNT(*) AS "Value"
            FROM "outbox" AS o CROSS JOIN "residents" AS r
            WHERE o."BroadcastId" = @broadcast AND o."Status" = @sent AND r."Channel" = o."Channel" AND r."ChatId" = o."ChatId"
              AND r."WardId" = @ward{inUnit}
            """,
            parameters).SingleAsync(ct);
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

    private sealed record PledgeCount(int Year, string TypeId, PledgeSource Source, int Count);

    private sealed record ResidentCount(int ConsentYear, string WardId, ResidentStatus Status, int Residents);

    /// <summary>One year's pledges in force: by type, by source, signers by kind, and the units they come from.</summary>
    private sealed record PledgeYear(Dictionary<string, int> ByType, int Chat, int Paper, Dictionary<SignerKind, int> Signers, HashSet<string> Units)
    {
        public static PledgeYear Of(List<PledgeCount> counted, Dictionary<SignerKind, int> signers, IEnumerable<string> units) => new(
            counted.GroupBy(c => c.TypeId).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            counted.Where(c => c.Source == PledgeSource.Chat).Sum(c => c.Count),
            counted.Where(c => c.Source == PledgeSource.Paper).Sum(c => c.Count),
            signers,
            new HashSet<string>(units, StringComparer.OrdinalIgnoreCase));
    }

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
