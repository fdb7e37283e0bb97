using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Broadcasts;

/// <summary>Finding a broadcast the acting officer may manage: their own, or any for an admin.</summary>
internal static class ManagedBroadcast
{
    public static async Task<Broadcast?> FindAsync(ChangeContext context, long id, CancellationToken cancellationToken)
    {
        var officer = await context.ActingOfficerAsync(cancellationToken);
        var broadcast = await context.Db.Broadcasts.SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        return officer is null || broadcast is null || (officer.Role != OfficerRole.Admin && broadcast.OfficerId != officer.Id) ? null : broadcast;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One broadcast's card from /broadcasts: what, when, to whom, with the buttons its state allows.</summary>
public sealed record ShowBroadcast(long BroadcastId) : DomainChange;

/// <summary>Holds a scheduled broadcast: it does not fire until resumed.</summary>
public sealed record PauseBroadcast(long BroadcastId) : DomainChange;

/// <summary>
/// Resumes a paused broadcast. A repeating one goes on from its next occurrence after now (the ones missed while
/// paused are not sent in a burst); a one-off whose time passed while paused goes now.
/// </summary>
public sealed record ResumeBroadcast(long BroadcastId) : DomainChange;

/// <summary>
/// New text, a new time, or (weekly) new days for a scheduled or paused broadcast; a repeating one keeps its new time of
/// day from then on, and new days take effect from its next occurrence on one of them.
/// </summary>
public sealed record UpdateBroadcast(long BroadcastId, string? Text, DateTime? At, int? Weekdays = null) : DomainChange;
