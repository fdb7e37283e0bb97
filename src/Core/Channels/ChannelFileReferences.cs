using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Channels;

/// <summary>
/// Which of a channel's stored files something still needs: a tip's attachment, a photo in a tip's thread, a
/// broadcast's picture and, when asked, a flow in progress (a tip being written) or an update not handled yet.
/// A channel that keeps residents' uploads itself (the web chat) deletes the others.
/// </summary>
public sealed class ChannelFileReferences(IDbContextFactory<AntqDb> dbFactory)
{
    /// <summary>The ids among <paramref name="fileIds"/> still in use.</summary>
    /// <param name="flowsActiveSince">Also count drafts of flows active since then and unhandled updates; null for kept records only.</param>
    public async Task<HashSet<string>> InUseAsync(string channel, IReadOnlyCollection<string> fileIds, DateTime? flowsActiveSince, CancellationToken cancellationToken)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (fileIds.Count == 0)
        {
            return used;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in fileIds.Chunk(500))
        {
            used.UnionWith(await db.TipAttachments.AsNoTracking().Where(a => a.Channel == channel && chunk.Contains(a.FileId)).Select(a => a.FileId).ToListAsync(cancellationToken));
            used.UnionWith(await db.TipEvents.AsNoTracking().Where(e => e.PhotoFileId != null && chunk.Contains(e.PhotoFileId)).Select(e => e.PhotoFileId!).ToListAsync(cancellationToken));
            used.UnionWith(await db.Broadcasts.AsNoTracking().Where(b => b.PhotoChannel == channel && b.PhotoFileId != null && chunk.Contains(b.PhotoFileId))
                .Select(b => b.PhotoFileId!).ToListAsync(cancellationToken));
        }

        if (flowsActiveSince is { } since && used.Count < fileIds.Count)
        {
            // Drafts and waiting updates hold file ids inside JSON: few rows (flows in progress, updates in hand), read whole.
            var texts = await db.Conversations.AsNoTracking().Where(c => c.Channel == channel && c.Flow != null && c.UpdatedAt >= since)
                .Select(c => c.Data).ToListAsync(cancellationToken);
            texts.AddRange(await db.Inbox.AsNoTracking().Where(i => i.Channel == channel && i.HandledAt == null && i.Payload != null)
                .Select(i => i.Payload!).ToListAsync(cancellationToken));
            used.UnionWith(fileIds.Where(id => !used.Contains(id) && texts.Any(t => t.Contains(id, StringComparison.Ordinal))));
        }

        return used;
    }
}
