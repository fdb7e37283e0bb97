using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// The console's tips queue: the tips in an officer's scope (their ward; the city, or one ward of it, for an admin),
/// filtered, newest first, a page at a time, with counts by status. The scope is applied here, whatever the filter
/// asks, so no page of the console can list another ward's tips.
/// </summary>
public sealed class TipQueue(IDbContextFactory<AntqDb> contexts)
{
    public const int MaxPageSize = 100;

    /// <summary>Characters of the description a row shows.</summary>
    public const int ExcerptLength = 160;

    public async Task<TipQueuePage> ReadAsync(Officer officer, TipQueueFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Max(1, filter.Page);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var matching = Filtered(db.Tips.AsNoTracking(), officer, filter);
        var counts = await matching.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<TipStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        var total = filter.Status is { } status ? byStatus[status] : byStatus.Values.Sum();
        if (filter.Status is { } only)
        {
            matching = matching.Where(t => t.Status == only);
        }

        var rows = total <= (page - 1) * size ? [] : await matching
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(t => new
            {
                t.Id, t.Code, t.Status, t.CategoryId, t.WardId, t.UnitId, t.CreatedAt, t.FirstResponseAt,
                Attachments = t.Attachments.Count,
                t.AssignedOfficerId,
                AssignedOfficerName = db.Officers.Where(o => o.Id == t.AssignedOfficerId).Select(o => o.DisplayName).FirstOrDefault(),
                Start = t.Description.Substring(0, ExcerptLength + 1),
            })
            .ToListAsync(cancellationToken);
        return new TipQueuePage(
            [.. rows.Select(r => new TipQueueRow(r.Id, r.Code, r.Status, r.CategoryId, r.WardId, r.UnitId, r.CreatedAt, r.FirstResponseAt, r.Attachments, r.AssignedOfficerId, r.AssignedOfficerName, Excerpt(r.Start)))],
            byStatus,
            total,
            page,
            size);
    }

    /// <summary>The scope and every filter but the status.</summary>
    private static IQueryable<Tip> Filtered(IQueryable<Tip> tips, Officer officer, TipQueueFilter filter)
    {
        var ward = officer.Role == OfficerRole.Admin ? filter.WardId : officer.WardId;
        var kind = (int)filter.Kind;
        tips = ward is null && TrackingCode.Normalize(filter.Search) is null && TipSearch.Words(filter.Search).Count > 0
            // Words searched across the city read every tip's text: one pass over the table is far cheaper than walking
            // the (Kind, Status, …) index and looking each row up, which SQLite would choose for the grouping; "+ 0"
            // keeps the kind off that index (as SqlDialect.NotIndexed does in hand-written SQL).
            ? tips.Where(t => (int)t.Kind + 0 == kind)
            : tips.Where(t => t.Kind == filter.Kind);
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            // An officer with no ward has no scope: nothing, rather than the city.
            return tips.Where(t => false);
        }

        if (ward is not null)
        {
            tips = tips.Where(t => t.WardId == ward);
        }

        if (filter.UnitId is { } unit)
        {
            tips = tips.Where(t => t.UnitId == unit);
        }

        if (filter.CategoryId is { } category)
        {
            tips = tips.Where(t => t.CategoryId == category);
        }

        if (filter.From is { } from)
        {
            var start = StartOfLocalDay(from);
            tips = tips.Where(t => t.CreatedAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = StartOfLocalDay(to.AddDays(1));
            tips = tips.Where(t => t.CreatedAt < end);
        }

        if (filter.WithAttachments)
        {
            tips = tips.Where(t => t.Attachments.Any());
        }

        if (filter.AssignedToMe)
        {
            tips = tips.Where(t => t.AssignedOfficerId == officer.Id);
        }

        if (TrackingCode.Normalize(filter.Search) is { } code)
        {
            return tips.Where(t => t.Code == code);
        }

        foreach (var word in TipSearch.Words(filter.Search))
        {
            // A LIKE pattern on the folded text: PostgreSQL finds its rows by the trigram index (migration
            // TipSearchTrigrams), where a plain Contains is strpos, which no index serves; SQLite reads the text either way.
            var pattern = "%" + TipSearch.EscapeLike(word) + "%";
            tips = tips.Where(t => EF.Functions.Like(t.SearchText, pattern, TipSearch.LikeEscape));
        }

        return tips;
    }

    private static DateTime StartOfLocalDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), LocalTime.Zone);

    private static string Excerpt(string start)
    {
        var line = string.Join(' ', start.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length > ExcerptLength ? line[..ExcerptLength].TrimEnd() + "…" : line;
    }
}
