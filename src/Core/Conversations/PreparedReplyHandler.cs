namespace Antq.Core.Conversations;

/// <summary>Queues the replies a read-only change worked out before the transaction.</summary>
public sealed class PreparedReplyHandler : IChangeHandler<PreparedReply>
{
    public Task ApplyAsync(PreparedReply change, ChangeContext context, CancellationToken cancellationToken)
    {
        context.Reply([.. change.Messages]);
        return Task.CompletedTask;
    }
}
