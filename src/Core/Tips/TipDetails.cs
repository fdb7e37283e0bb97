using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tips;

/// <summary>
/// Reads a tip's page for the console, in the officer's scope: a tip of another ward reads as no tip at all (the page
/// answers 404), the same as an id that does not exist.
/// </summary>
public sealed class TipDetails(IDbContextFactory<AntqDb> contexts)
{
    public async Task<TipDetail?> ReadAsync(Officer officer, long tipId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tip = await db.Tips.AsNoTracking().Include(t => t.Attachments.OrderBy(a => a.Id)).SingleOrDefaultAsync(t => t.Id == tipId, cancellationToken);
        if (tip is null || !officer.Covers(tip.WardId))
        {
            return null;
        }

        if (tip.Anonymous)
        {
            // Anonymous means anonymous on every page, even if older data left a name behind.
            tip.ReporterName = null;
        }

        var events = await db.TipEvents.AsNoTracking().Where(e => e.TipId == tip.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var ids = events.SelectMany(e => new[] { e.OfficerId, e.AssigneeOfficerId }).Append(tip.AssignedOfficerId).OfType<long>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        string? Name(long? id) => id is { } known ? names.GetValueOrDefault(known) : null;
        return new TipDetail(tip, [.. events.Select(e => new TipDetailEvent(e, Name(e.OfficerId), Name(e.AssigneeOfficerId)))], Name(tip.AssignedOfficerId));
    }
}
