using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole;

/// <summary>A tip as its page shows it: the tip, who has it, and its whole thread with the officers' names.</summary>
public sealed record ConsoleTip(Tip Tip, string? Assignee, IReadOnlyList<ThreadLine> Thread)
{
    /// <summary>
    /// The tip with <paramref name="code"/> if <paramref name="officer"/>'s scope covers it, else null (the page answers
    /// 404 alike for a tip that does not exist and one of another ward, so a code cannot be probed).
    /// </summary>
    public static async Task<ConsoleTip?> LoadAsync(AntqDb db, Officer officer, string code, CancellationToken cancellationToken)
    {
        if (TrackingCode.Normalize(code) is not { } canonical)
        {
            return null;
        }

        var tip = await db.Tips.AsNoTracking().Include(t => t.Attachments).SingleOrDefaultAsync(t => t.Code == canonical, cancellationToken);
        if (tip is null || !officer.Covers(tip.WardId))
        {
            return null;
        }

        var events = await db.TipEvents.AsNoTracking().Where(e => e.TipId == tip.Id && e.Kind != TipEventKind.Submitted)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var ids = events.SelectMany(e => new[] { e.OfficerId ?? 0, e.AssigneeOfficerId ?? 0 }).Append(tip.AssignedOfficerId ?? 0).Distinct().ToList();
        var names = await db.Officers.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, cancellationToken);
        var thread = events.Select(e => new ThreadLine(e.At, e.Kind, e.OfficerId is { } by ? names.GetValueOrDefault(by) : null, e.Text, e.FromStatus, e.ToStatus, e.PhotoFileId is not null, e.AssigneeOfficerId is { } to ? names.GetValueOrDefault(to) : null)).ToList();
        return new ConsoleTip(tip, tip.AssignedOfficerId is { } assigned ? names.GetValueOrDefault(assigned) : null, thread);
    }

    /// <summary>Types a browser shows or plays in the page; anything else is downloaded.</summary>
    public static bool PlaysInline(string? type) =>
        type is not null && (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("video/", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One line of a tip's history: a status change (with its note), a reply either way, an internal note, an assignment.</summary>
public sealed record ThreadLine(DateTime At, TipEventKind Kind, string? Officer, string? Text, TipStatus? From, TipStatus? To, bool HasPhoto, string? Assignee);
