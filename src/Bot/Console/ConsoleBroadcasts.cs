using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole;

/// <summary>A broadcast as the console lists it: the row, its deliveries by status, and whether this officer may manage it.</summary>
public sealed record ConsoleBroadcast(Broadcast Broadcast, IReadOnlyDictionary<DeliveryStatus, int> ByStatus, bool Manageable)
{
    public int Count(DeliveryStatus status) => ByStatus.GetValueOrDefault(status);

    /// <summary>Messages not yet out: queued or on their way to the channel.</summary>
    public int Waiting => Count(DeliveryStatus.Queued) + Count(DeliveryStatus.InFlight);

    /// <summary>Everyone it was written for, or what is counted so far when recipients left since.</summary>
    public int Total => Math.Max(Broadcast.Recipients, ByStatus.Values.Sum());

    public int Done => Count(DeliveryStatus.Sent) + Count(DeliveryStatus.Blocked) + Count(DeliveryStatus.NotReachable) + Count(DeliveryStatus.Failed);

    public bool Open => Broadcast.Status is BroadcastStatus.Scheduled or BroadcastStatus.Paused or BroadcastStatus.Sending;

    /// <summary>
    /// The broadcasts an officer's scope covers: those for their ward (and their own), or every one for an admin;
    /// open ones first by time, then the finished ones newest first.
    /// </summary>
    public static async Task<IReadOnlyList<ConsoleBroadcast>> LoadAsync(AntqDb db, Officer officer, CancellationToken cancellationToken)
    {
        var open = await InScope(db, officer).Where(b => b.Status == BroadcastStatus.Scheduled || b.Status == BroadcastStatus.Paused || b.Status == BroadcastStatus.Sending)
            .OrderBy(b => b.ScheduledFor).Take(50).ToListAsync(cancellationToken);
        var finished = await InScope(db, officer).Where(b => b.Status != BroadcastStatus.Scheduled && b.Status != BroadcastStatus.Paused && b.Status != BroadcastStatus.Sending)
            .OrderByDescending(b => b.Id).Take(30).ToListAsync(cancellationToken);
        var all = open.Concat(finished).ToList();
        var ids = all.Select(b => (long?)b.Id).ToList();
        var counts = await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.BroadcastId))
            .GroupBy(o => new { o.BroadcastId, o.Status }).Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. all.Select(b => new ConsoleBroadcast(
            b,
            counts.Where(c => c.BroadcastId == b.Id).ToDictionary(c => c.Status, c => c.Count),
            officer.Role == OfficerRole.Admin || b.OfficerId == officer.Id))];
    }

    /// <summary>One broadcast in the officer's scope, or null (the page then answers 404).</summary>
    public static Task<Broadcast?> FindAsync(AntqDb db, Officer officer, long id, CancellationToken cancellationToken) =>
        InScope(db, officer).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>An officer's ward's broadcasts and their own; the city's for an admin.</summary>
    private static IQueryable<Broadcast> InScope(AntqDb db, Officer officer)
    {
        var broadcasts = db.Broadcasts.AsNoTracking();
        return officer.Role == OfficerRole.Admin ? broadcasts : broadcasts.Where(b => b.OfficerId == officer.Id || b.WardIds == officer.WardId);
    }
}
