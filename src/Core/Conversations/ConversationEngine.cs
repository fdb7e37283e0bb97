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
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Conversations;

/// <summary>
/// Handles one stored update: loads the chat's state and the resident, routes the input, then saves the new
/// state, the domain changes, the replies and the "handled" mark in one transaction.
/// </summary>
public sealed partial class ConversationEngine(
    IDbContextFactory<AntqDb> dbFactory,
    GroupWriter writer,
    ConversationRouter router,
    AreaTree areas,
    TextCatalog texts,
    TimeProvider time,
    DeliverySignal delivery,
    ReplyHandoff handoff,
    IntakeLimiter intake,
    AntqMetrics metrics,
    IEnumerable<ITurnFactLoader> factLoaders,
    ChangeHandlers handlers,
    IOptions<DeliveryOptions> deliveryOptions,
    IEnumerable<ChannelInputs> channelInputs,
    ILogger<ConversationEngine> logger)
{
    private readonly ITurnFactLoader[] _factLoaders = [.. factLoaders];
    private readonly Dictionary<string, ChannelInputs> _channelInputs = channelInputs.ToDictionary(c => c.Channel, StringComparer.Ordinal);

    private static readonly CompiledQuery<string, string, Resident?> ResidentOf =
        new((db, channel, userId, _) => db.Residents.AsNoTracking().SingleOrDefault(r => r.Channel == channel && r.ExternalUserId == userId));

    /// <summary>Handles the stored update; false when it was already handled (or is gone).</summary>
    /// <remarks>
    /// This runs for every message a resident sends, so the engine's own reads and writes (inbox row, conversation
    /// state, replies) are hand-written statements on the context's connection; EF Core is used for the resident and
    /// for the domain changes, which share the same transaction.
    /// </remarks>
    public async Task<bool> HandleAsync(long inboxId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken); // One connection for the whole update, not one per query.
        return await HandleAsync(db, inboxId, cancellationToken);
    }

    /// <summary>Handles it reading on <paramref name="db"/>, opened by the caller: on PostgreSQL, the one holding the <see cref="Inbox.ChatLock"/>.</summary>
    public async Task<bool> HandleAsync(AntqDb db, long inboxId, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var row = await ConversationStore.LoadInboxAsync(connection, inboxId, cancellationToken);
        if (row is not { HandledAt: null, Payload: { } payload })
        {
            return false;
        }

        var input = JsonSerializer.Deserialize<InboundMessage>(payload, InboxStore.Json)
            ?? throw new InvalidDataException($"Inbox row {inboxId} holds no message.");
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await ConversationStore.LoadStateAsync(connection, input.Channel, input.ChatId, cancellationToken);
        var state = stored ?? new ConversationState { Channel = input.Channel, ChatId = input.ChatId, UpdatedAt = now };
        var isNew = stored is null;
        var resident = await ResidentOf.RunAsync(db, input.Channel, input.UserId, cancellationToken);

        var facts = new TurnFacts();
        if (router.Recognise(input) is { } command)
        {
            facts.Set(command);
        }

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
            MessagesKeptDays = deliveryOptions.Value.KeepDays,
            Channel = _channelInputs.GetValueOrDefault(input.Channel) ?? ChannelInputs.Default(input.Channel),
            QuietHours = Delivery.QuietHours.TryParse(deliveryOptions.Value.QuietHours, out var quiet) ? quiet : null,
        };

        // A resident writing faster than anyone reads is not answered update by update (officers are not limited).
        var limited = input.Kind is not (InboundKind.ChatBlocked or InboundKind.ChatUnblocked or InboundKind.ChatLeft) && facts.Get<Officers.Officer>() is null;
        var verdict = limited ? intake.Admit(input.Channel, input.ChatId, inboxId, row.ReceivedAt) : IntakeVerdict.Answer;
        if (verdict != IntakeVerdict.Answer)
        {
            await SkipAsync(inboxId, input, verdict == IntakeVerdict.SlowDown ? context.Say("error.slow_down") : null, row.ReceivedAt);
            return true;
        }

        var turn = router.Route(context, state);
        if (!turn.NotUnderstood)
        {
            intake.Understood(input.Channel, input.ChatId);
        }
        else if (!intake.MaySayNotUnderstood(input.Channel, input.ChatId, now))
        {
            // Said a moment ago, and the menu is still just above: a string of such inputs gets one answer.
            turn = turn with { Messages = [] };
        }

        // Written with the turns of other chats that are ready at the same moment, in one transaction (group commit).
        var writesState = turn.StateChanged || turn.Language is not null || (state.Flow is not null && !isNew);
        var revision = state.Revision;
        if (writesState)
        {
            Apply(turn, state, now);
        }

        var prepared = new List<DomainChange>(turn.Changes.Count);
        foreach (var change in turn.Changes)
        {
            prepared.Add(await handlers.PrepareAsync(change, new ChangeContext(db, input, now), cancellationToken));
        }

        var turnPayloads = NextChoices.Attach(turn.Messages).Select(OutboxWriter.Payload).ToList();
        HandoffTicket? ticket = null;
        (DateTime, List<OutboxMessage>, int, bool) written;
        try
        {
            written = await writer.WriteAsync(async (scope, ct) =>
            {
                var queuedForOthers = false;
                var forgetsChat = false;
                var payloads = turnPayloads;
                if (prepared.Count > 0)
                {
                    var changes = new ChangeContext(scope.Db, input, now) { Scope = scope };
                    foreach (var change in prepared)
                    {
                        await handlers.ApplyAsync(change, changes, ct);
                    }

                    if (scope.Db.ChangeTracker.HasChanges())
                    {
                        await scope.Db.SaveChangesAsync(ct);
                    }

                    // What the changes sent to other chats is written here, with the turn: the engine knows it queued them.
                    await OutboxWriter.WriteAsync(scope, changes.Sends, now, ct);
                    queuedForOthers = changes.QueuedForOthers;
                    // A change's answer (a tip's tracking code) and the turn's menu after it make one message.
                    payloads = changes.Replies.Count == 0 ? payloads : [.. NextChoices.Attach([.. changes.Replies, .. turn.Messages]).Select(OutboxWriter.Payload)];
                    forgetsChat = changes.ForgetsChat;
                }

                // An erased chat keeps no state: its next message starts afresh, as a stranger's would.
                if (writesState && !forgetsChat)
                {
                    await ConversationStore.SaveStateAsync(scope, state, isNew, revision, ct);
                }

                // Queued and handled when committed: the time waiting for the writer's turn counts. With room in the
                // dispatcher, the replies are written leased and handed to it below, without waiting for its next lease;
                // never past replies of the same chat still queued, which go first.
                var queuedAt = time.GetUtcNow().UtcDateTime;
                ticket = handoff.Reserve(input.Channel, input.ChatId, payloads.Count);
                if (ticket is not null && await OutboxWriter.RepliesQueuedAsync(scope, ticket, ct))
                {
                    handoff.Release(ticket);
                    ticket = null;
                }

                List<OutboxMessage> rows = [];
                if (ticket is not null)
                {
                    rows = await OutboxWriter.WriteLeasedAsync(scope, ticket, payloads, DeliveryPriority.Reply, queuedAt, ct);
                }
                else
                {
                    await OutboxWriter.WriteAsync(scope, input.Channel, input.ChatId, payloads, DeliveryPriority.Reply, queuedAt, ct);
                }

                await ConversationStore.MarkHandledAsync(scope, inboxId, queuedAt, ct);
                return (queuedAt, rows, payloads.Count, queuedForOthers);
            });
        }
        catch
        {
            // Not committed: the room kept for the replies is given back.
            if (ticket is not null)
            {
                handoff.Release(ticket);
            }

            throw;
        }

        var (handledAt, leased, replies, queuedForOthers) = written;

        // Other chats' messages a change queued (an officer told of a tip) go by the dispatcher's lease: it is woken
        // for them only, not for every change (a profile saved, an erasure), since a lease takes the writer's turn.
        var handed = ticket is not null && handoff.Hand(ticket, leased);
        if ((!handed && replies > 0) || queuedForOthers)
        {
            delivery.Notify();
        }

        metrics.Handled(input.Channel, "ok", handledAt - row.ReceivedAt);
        LogHandled(logger, inboxId, input.Channel, input.Kind, state.Flow, state.Step, replies);
        return true;
    }

    /// <summary>
    /// Handling failed for good (a bug, a corrupt row): mark it handled so the chat moves on, and apologise.
    /// </summary>
    public async Task GiveUpAsync(long inboxId, Exception error, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Inbox.AsNoTracking().SingleOrDefaultAsync(i => i.Id == inboxId, cancellationToken);
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

        var apology = new OutgoingMessage { Text = texts.Get(language ?? Languages.Vietnamese, "error.internal") };
        var why = Truncate(error.GetType().Name + ": " + error.Message, 300);
        await writer.WriteAsync(async (scope, ct) =>
        {
            await OutboxWriter.WriteAsync(scope, row.Channel, row.ChatId, [OutboxWriter.Payload(apology)], DeliveryPriority.Reply, now, ct);
            await ConversationStore.MarkHandledAsync(scope, inboxId, now, ct, why);
            return 0;
        });

        delivery.Notify();
        metrics.Handled(row.Channel, "failed", now - row.ReceivedAt);
    }

    /// <summary>An update over the intake limit: marked handled as it is, with the "slow down" message if it is the first.</summary>
    private async Task SkipAsync(long inboxId, InboundMessage input, OutgoingMessage? slowDown, DateTime receivedAt)
    {
        List<string> payloads = slowDown is null ? [] : [OutboxWriter.Payload(slowDown)];
        var handledAt = await writer.WriteAsync(async (scope, ct) =>
        {
            var at = time.GetUtcNow().UtcDateTime;
            await OutboxWriter.WriteAsync(scope, input.Channel, input.ChatId, payloads, DeliveryPriority.Reply, at, ct);
            await ConversationStore.MarkHandledAsync(scope, inboxId, at, ct);
            return at;
        });

        if (payloads.Count > 0)
        {
            delivery.Notify();
        }

        metrics.Handled(input.Channel, "limited", handledAt - receivedAt);
        LogLimited(logger, inboxId, input.Channel, slowDown is not null);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Update {InboxId} ({Channel}) is over the intake limit: not answered (slow-down message: {SlowDown})")]
    private static partial void LogLimited(ILogger logger, long inboxId, string channel, bool slowDown);
}
