using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Audit;

/// <summary>
/// The console's audit log: who did what to which tip (its history: the chat's and the console's actions alike) or
/// broadcast, newest first, in the officer's scope (their ward; the city, or one ward, for an admin), searchable by a
/// tip's code or an officer's name and filtered by action and dates.
/// </summary>
public sealed class AuditLog(IDbContextFactory<AntqDb> contexts)
{
    public const int MaxPage = 200;
    public const int MaxPageSize = 100;

    /// <summary>Characters of a note, reply or broadcast an entry shows.</summary>
    public const int DetailLength = 200;

    public async Task<AuditPage> ReadAsync(Officer officer, AuditFilter filter, CancellationToken cancellationToken)
    {
        var page = Math.Clamp(filter.Page, 1, MaxPage);
        var size = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var ward = officer.Role == OfficerRole.Admin ? filter.WardId : officer.WardId;
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            return new AuditPage([], 0, page, size);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var code = TrackingCode.Normalize(filter.Search);
        var words = code is null ? TipSearch.Words(filter.Search) : [];

        // Officers are few (a city's hundreds): their names are folded here rather than stored folded.
        var named = words.Count == 0 ? null : (await db.Officers.AsNoTracking().Select(o => new { o.Id, o.DisplayName }).ToListAsync(cancellationToken))
            .Where(o => words.All(w => VietnameseText.Fold(o.DisplayName).Contains(w, StringComparison.Ordinal))).Select(o => o.Id).ToList();
        var (start, end) = (filter.From is { } from ? StartOfLocalDay(from) : (DateTime?)null, filter.To is { } to ? StartOfLocalDay(to.AddDays(1)) : (DateTime?)null);

        var events = db.TipEvents.AsNoTracking().Join(db.Tips, e => e.TipId, t => t.Id, (e, t) => new { Event = e, t.Code, t.WardId });
        var broadcasts = db.Broadcasts.AsNoTracking();
        var withEvents = filter.Action is not AuditAction.BroadcastCreated;
        var withBroadcasts = code is null && filter.Action is null or AuditAction.BroadcastCreated;
        if (ward is not null)
        {
            events = events.Where(x => x.WardId == ward);
            var item = "," + ward + ",";
            broadcasts = broadcasts.Where(b => b.WardIds != null && ("," + b.WardIds + ",").Contains(item));
        }

        if (code is not null)
        {
            events = events.Where(x => x.Code == code);
        }

        if (named is not null)
        {
            events = events.Where(x => x.Event.OfficerId != null && named.Contains(x.Event.OfficerId.Value));
            broadcasts = broadcasts.Where(b => named.Contains(b.OfficerId));
        }

        if (filter.Action is { } action and not AuditAction.BroadcastCreated)
        {
            var kind = (TipEventKind)(int)action;
            events = events.Where(x => x.Event.Kind == kind);
        }

        if (start is { } after)
        {
            events = events.Where(x => x.Event.At >= after);
            broadcasts = broadcasts.Where(b => b.CreatedAt >= after);
        }

        if (end is { } before)
        {
            events = events.Where(x => x.Event.At < before);
            broadcasts = broadcasts.Where(b => b.CreatedAt < before);
        }

        // Two sources, one order: the newest page × size of each, merged. Pages stop at MaxPage, so this stays bounded.
        var take = page * size;
        var total = (withEvents ? await events.CountAsync(cancellationToken) : 0) + (withBroadcasts ? await broadcasts.CountAsync(cancellationToken) : 0);
        var fromEvents = !withEvents ? [] : await events.OrderByDescending(x => x.Event.At).ThenByDescending(x => x.Event.Id).Take(take)
            .Select(x => new Row(x.Event.At, x.Event.Id, (AuditAction)(int)x.Event.Kind, x.Event.TipId, x.Code, null, x.Event.OfficerId, x.Event.AssigneeOfficerId, x.Event.ToStatus, x.Event.Text == null ? null : x.Event.Text.Substring(0, DetailLength)))
            .ToListAsync(cancellationToken);
        var fromBroadcasts = !withBroadcasts ? [] : await broadcasts.OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).Take(take)
            .Select(b => new Row(b.CreatedAt, b.Id, AuditAction.BroadcastCreated, null, null, b.Id, b.OfficerId, null, null, b.Text.Substring(0, DetailLength)))
            .ToListAsync(cancellationToken);
        var rows = fromEvents.Concat(fromBroadcasts).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToList();

        var ids = rows.SelectMany(r => new[] { r.OfficerId, r.AssigneeOfficerId }).OfType<long>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        string? Name(long? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        return new AuditPage(
            [.. rows.Select(r => new AuditEntry(r.At, r.Action, r.TipId, r.Code, r.BroadcastId, r.OfficerId, Name(r.OfficerId), r.AssigneeOfficerId, Name(r.AssigneeOfficerId), r.ToStatus, r.Detail))],
            total,
            page,
            size);
    }

    private static DateTime StartOfLocalDay(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), LocalTime.Zone);

    private sealed record Row(DateTime At, long Id, AuditAction Action, long? TipId, string? Code, long? BroadcastId, long? OfficerId, long? AssigneeOfficerId, TipStatus? ToStatus, string? Detail);
}
