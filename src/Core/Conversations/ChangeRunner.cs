using Antq.Core.Delivery;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Conversations;

/// <summary>
/// Applies one <see cref="DomainChange"/> outside a chat turn (the officers' web console), by the engine's own path:
/// the same handler, in the single writer's transaction, with the same audit rows and outgoing messages. The input
/// names the officer as the chat would (channel and user id), so the handler checks their scope as it does in chat.
/// </summary>
public sealed class ChangeRunner(IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, ChangeHandlers handlers, DeliverySignal delivery, TimeProvider time)
{
    /// <summary>Applies <paramref name="change"/>; returns the answers the chat would have shown its author.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> RunAsync(InboundMessage input, DomainChange change, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        DomainChange prepared;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            prepared = await handlers.PrepareAsync(change, new ChangeContext(db, input, now), cancellationToken);
        }

        var (replies, queued) = await writer.WriteAsync(async (scope, ct) =>
        {
            var context = new ChangeContext(scope.Db, input, now) { Scope = scope };
            await handlers.ApplyAsync(prepared, context, ct);
            if (scope.Db.ChangeTracker.HasChanges())
            {
                await scope.Db.SaveChangesAsync(ct);
            }

            await OutboxWriter.WriteAsync(scope, context.Sends, now, ct);
            return (context.Replies.ToList(), context.QueuedForOthers);
        });

        if (queued)
        {
            delivery.Notify();
        }

        return replies;
    }
}
