using System.Diagnostics;
using System.Text.Json;
using Antq.Core.Areas;
using Antq.Core.Delivery;
using Antq.Core.Diagnostics;
using Antq.Core.Inbox;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Antq.Core.Conversations;

/// <summary>
/// Handles one stored update: loads the chat's state and the resident, routes the input, then saves the new
/// state, the domain changes, the replies and the "handled" mark in one transaction.
/// </summary>
public sealed partial class ConversationEngine(
    IDbContextFactory<AntqDb> dbFactory,
    WriteGate writeGate,
    ConversationRouter router,
    AreaTree areas,
    TextCatalog texts,
    TimeProvider time,
    DeliverySignal delivery,
    AntqMetrics metrics,
    IEnumerable<ITurnFactLoader> factLoaders,
    IServiceProvider services,
    ILogger<ConversationEngine> logger)
{
    private readonly ITurnFactLoader[] _factLoaders = [.. factLoaders];

    /// <summary>Handles the stored update; false when it was already handled (or is gone).</summary>
    public async Task<bool> HandleAsync(long inboxId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One connection for the whole update, not one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var row = await db.Inbox.SingleOrDefaultAsync(i => i.Id == inboxId, cancellationToken);
        if (row is null || row.HandledAt is not null || row.Payload is null)
        {
            return false;
        }

        var input = JsonSerializer.Deserialize<InboundMessage>(row.Payload, InboxStore.Json)
            ?? throw new InvalidDataException($"Inbox row {inboxId} holds no message.");
        var state = await db.Conversations.SingleOrDefaultAsync(c => c.Channel == input.Channel && c.ChatId == input.ChatId, cancellationToken);
        var resident = await db.Residents.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Channel == input.Channel && r.ExternalUserId == input.UserId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var isNew = state is null;
        state ??= new ConversationState { Channel = input.Channel, ChatId = input.ChatId, UpdatedAt = now };

        var facts = new TurnFacts();
        foreach (var loader in _factLoaders)
        {
            await loader.LoadAsync(db, input, state, now, facts, cancellationToken);
        }

        var context = new FlowContext
        {
            Facts = facts,
            Input = input,
            Language = resident?.Language ?? state.Language ?? Languages.FromHint(input.LanguageHint),
            Resident = resident,
            Areas = areas,
            Texts = texts,
            Now = now,
        };
        var turn = router.Route(context, state);

        using (await writeGate.EnterAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changes = new ChangeContext(db, input, now, services);
            foreach (var change in turn.Changes)
            {
                await change.ApplyAsync(changes, cancellationToken);
            }

            if (turn.StateChanged || turn.Language is not null || (state.Flow is not null && !isNew))
            {
                Apply(turn, state, now);
                if (isNew)
                {
                    db.Conversations.Add(state);
                }
            }

            // Queued and handled when committed: the time waiting for the writer's turn counts.
            var queuedAt = time.GetUtcNow().UtcDateTime;
            OutboxWriter.Enqueue(db, input.Channel, input.ChatId, turn.Messages, DeliveryPriority.Reply, queuedAt);
            row.HandledAt = queuedAt;
            row.Payload = null;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (turn.Messages.Count > 0)
        {
            delivery.Notify();
        }

        metrics.Handled(input.Channel, "ok", row.HandledAt.Value - row.ReceivedAt);
        LogHandled(logger, row.Id, input.Channel, input.Kind, state.Flow, state.Step, turn.Messages.Count);
        return true;
    }

    /// <summary>
    /// Handling failed for good (a bug, a corrupt row): mark it handled so the chat moves on, and apologise.
    /// </summary>
    public async Task GiveUpAsync(long inboxId, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Inbox.SingleOrDefaultAsync(i => i.Id == inboxId, cancellationToken);
        if (row is null || row.HandledAt is not null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        string? language = null;
        try
        {
            var input = row.Payload is null ? null : JsonSerializer.Deserialize<InboundMessage>(row.Payload, InboxStore.Json);
            language = input is null ? null : Languages.FromHint(input.LanguageHint);
        }
        catch (JsonException)
        {
            // The payload itself is what broke; apologise in Vietnamese.
        }

        using (await writeGate.EnterAsync(cancellationToken))
        {
            var apology = new OutgoingMessage { Text = texts.Get(language ?? Languages.Vietnamese, "error.internal") };
            OutboxWriter.Enqueue(db, row.Channel, row.ChatId, [apology], DeliveryPriority.Reply, now);
            row.HandledAt = now;
            row.Payload = null;
            row.Error = Truncate(error.GetType().Name + ": " + error.Message, 300);
            await db.SaveChangesAsync(cancellationToken);
        }

        delivery.Notify();
        metrics.Handled(row.Channel, "failed", now - row.ReceivedAt);
    }

    private static void Apply(Turn turn, ConversationState state, DateTime now)
    {
        state.Flow = turn.StateChanged ? turn.Flow : state.Flow;
        state.Step = turn.StateChanged ? turn.Step : state.Step;
        state.Data = turn.StateChanged ? turn.Data.ToJson() : state.Data;
        state.FlowVersion = turn.StateChanged ? turn.FlowVersion : state.FlowVersion;
        state.Language = turn.Language ?? state.Language;
        state.UpdatedAt = now;
        state.Revision++;
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    // Ids, kinds and steps only: never the text a resident wrote.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled update {InboxId} ({Channel}, {Kind}) → flow {Flow}, step {Step}, {Replies} replies")]
    private static partial void LogHandled(ILogger logger, long inboxId, string channel, InboundKind kind, string? flow, string? step, int replies);
}
