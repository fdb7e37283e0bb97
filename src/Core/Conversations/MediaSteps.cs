using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Conversations;

/// <summary>
/// Whether a chat's conversation is at a step that asks for a photo or file (a tip's files, an answer with a photo, a
/// broadcast's picture): a channel that keeps what residents upload takes an upload only then.
/// </summary>
public sealed class MediaSteps(IDbContextFactory<AntqDb> dbFactory, FlowCatalog flows, IOptions<ConversationOptions> options, TimeProvider time)
{
    public async Task<bool> AsksForMediaAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var state = await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == channel && c.ChatId == chatId && c.Flow != null)
            .Select(c => new { c.Flow, c.Step, c.FlowVersion, c.Data, c.UpdatedAt })
            .SingleOrDefaultAsync(cancellationToken);

        // An idle flow is closed when the resident next writes (ConversationRouter), so its step asks for nothing.
        return state is not null
            && time.GetUtcNow().UtcDateTime - state.UpdatedAt <= options.Value.IdleTimeout
            && flows.TryGet(state.Flow, out var flow) && flow.Version == state.FlowVersion
            && flow.AcceptsMedia(state.Step, FlowData.FromJson(state.Data));
    }
}
