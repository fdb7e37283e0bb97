using System.Data.Common;
using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Delivery;

/// <summary>Adds outgoing messages to a unit of work, to be committed with the change that caused them.</summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Enqueue(AntqDb db, string channel, string chatId, IEnumerable<OutgoingMessage> messages, DeliveryPriority priority, DateTime now, OutboxKind? kind = null)
    {
        foreach (var message in messages)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Channel = channel,
                ChatId = chatId,
                Priority = priority,
                Kind = kind,
                Payload = Payload(message),
                Status = DeliveryStatus.Queued,
                CreatedAt = now,
                NotBefore = now,
            });
        }
    }

    /// <summary>A message as the outbox keeps it (serialized before the writer's turn, where it costs nobody a wait).</summary>
    public static string Payload(OutgoingMessage message) => JsonSerializer.Serialize(message, Json);

    /// <summary>The same as <see cref="Enqueue"/>, written at once in the caller's transaction (the engine's hot path).</summary>
    public static Task WriteAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, CancellationToken cancellationToken) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, leaseUntil: null, cancellationToken);

    /// <summary>
    /// The same, written already leased until <paramref name="leaseUntil"/> for the dispatcher to be handed once
    /// committed (<see cref="ReplyHandoff"/>); returns the rows, in order.
    /// </summary>
    public static Task<List<OutboxMessage>> WriteLeasedAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken) =>
        InsertAsync(scope, channel, chatId, payloads, priority, now, leaseUntil, cancellationToken);

    /// <summary>What the changes of a turn sent to other chats (<see cref="ChangeContext.Send"/>), in the turn's transaction.</summary>
    public static async Task WriteAsync(WriteScope scope, IReadOnlyList<OutboxSend> sends, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var send in sends)
        {
            await InsertAsync(scope, send.Channel, send.ChatId, [Payload(send.Message)], send.Priority, now, leaseUntil: null, cancellationToken, send.Kind);
        }
    }

    private static async Task<List<OutboxMessage>> InsertAsync(WriteScope scope, string channel, string chatId, IReadOnlyList<string> payloads, DeliveryPriority priority, DateTime now, DateTime? leaseUntil, CancellationToken cancellationToken, OutboxKind? kind = null)
    {
        var rows = new List<OutboxMessage>(payloads.Count);
        if (payloads.Count == 0)
        {
            return rows;
        }

        var status = leaseUntil is null ? DeliveryStatus.Queued : DeliveryStatus.InFlight;
        var command = scope.Statement(
            "INSERT INTO outbox (Channel, ChatId, Priority, Kind, Payload, Status, Attempts, CreatedAt, NotBefore, LeaseUntil) " +
            "VALUES (@channel, @chat, @priority, @kind, @payload, @status, 0, @now, @now, @until) RETURNING Id");
        command.Set("@channel", channel).Set("@chat", chatId).Set("@priority", (int)priority).Set("@kind", (int?)kind)
            .Set("@status", (int)status).Set("@now", now).Set("@until", leaseUntil);
        foreach (var payload in payloads)
        {
            command.Set("@payload", payload);
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            rows.Add(new OutboxMessage
            {
                Id = id, Channel = channel, ChatId = chatId, Priority = priority, Kind = kind, Payload = payload,
                Status = status, CreatedAt = now, NotBefore = now, LeaseUntil = leaseUntil,
            });
        }

        return rows;
    }

    /// <summary>
    /// Whether replies to the chat still wait in the queue (the chat held its limit when they were written): a turn's
    /// replies are then queued behind them rather than handed over ahead of them. One seek on the (Channel, ChatId,
    /// Status) index.
    /// </summary>
    public static async Task<bool> RepliesQueuedAsync(WriteScope scope, string channel, string chatId, CancellationToken cancellationToken)
    {
        var command = scope.Statement("SELECT EXISTS (SELECT 1 FROM outbox WHERE Channel = @channel AND ChatId = @chat AND Status = @queued AND Priority = @reply)");
        command.Set("@channel", channel).Set("@chat", chatId).Set("@queued", (int)DeliveryStatus.Queued).Set("@reply", (int)DeliveryPriority.Reply);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! != 0;
    }

    public static OutgoingMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.Payload, Json) ?? throw new InvalidDataException($"Outbox row {row.Id} has no message.");
}
