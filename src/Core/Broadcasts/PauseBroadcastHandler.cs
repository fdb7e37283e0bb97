using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Broadcasts;

/// <summary>Applies <see cref="PauseBroadcast"/> in the engine's transaction.</summary>
public sealed class PauseBroadcastHandler(TextCatalog texts) : IChangeHandler<PauseBroadcast>
{
    public async Task ApplyAsync(PauseBroadcast change, ChangeContext context, CancellationToken cancellationToken)
    {
        var b = await ManagedBroadcast.FindAsync(context, change.BroadcastId, cancellationToken);
        if (b is null || b.Status != BroadcastStatus.Scheduled)
        {
            context.Reply(texts.Get(Languages.Officers, "broadcast.cannot_manage"));
            return;
        }

        b.Status = BroadcastStatus.Paused;
        context.Reply(texts.Get(Languages.Officers, "broadcast.paused", b.Id));
    }
}
