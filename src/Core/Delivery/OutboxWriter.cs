using System.Data.Common;
using System.Text.Json;
using Antq.Core.Conversations;
using Antq.Core.Storage;

namespace Antq.Core.Delivery;

/// <summary>Adds outgoing messages to a unit of work, to be committed with the change that caused them.</summary>
public static class OutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Enqueue(AntqDb db, string channel, string chatId, IEnumerable<OutgoingMessage> messages, DeliveryPriority priority, DateTime now)
    {
        foreach (var message in messages)
        {
            db.Outbox.Add(new OutboxMessage
            {
                Channel = channel,
                ChatId = chatId,
                Priority = priority,
                Payload = JsonSerializer.Serialize(message, Json),
                Status = DeliveryStatus.Queued,
                CreatedAt = now,
                NotBefore = now,
            });
        }
    }

    /// <summary>The same as <see cref="Enqueue"/>, written at once in the caller's transaction (the engine's hot path).</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, string channel, string chatId, IReadOnlyList<OutgoingMessage> messages, DeliveryPriority priority, DateTime now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }

        await using var command = connection.Command(
            transaction,
            "INSERT INTO outbox (Channel, ChatId, Priority, Payload, Status, Attempts, CreatedAt, NotBefore) " +
            "VALUES (@channel, @chat, @priority, @payload, @status, 0, @now, @now)");
        command.With("@channel", channel).With("@chat", chatId).With("@priority", (int)priority).With("@payload", null)
            .With("@status", (int)DeliveryStatus.Queued).With("@now", now);
        foreach (var message in messages)
        {
            command.Parameters[3].Value = JsonSerializer.Serialize(message, Json);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The same, written already leased until <paramref name="leaseUntil"/> for the dispatcher to be handed once
    /// committed (<see cref="ReplyHandoff"/>); returns the rows, in order.
    /// </summary>
    public static async Task<List<OutboxMessage>> WriteLeasedAsync(DbConnection connection, DbTransaction transaction, string channel, string chatId, IReadOnlyList<OutgoingMessage> messages, DeliveryPriority priority, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        var rows = new List<OutboxMessage>(messages.Count);
        if (messages.Count == 0)
        {
            return rows;
        }

        await using var command = connection.Command(
            transaction,
            "INSERT INTO outbox (Channel, ChatId, Priority, Payload, Status, Attempts, CreatedAt, NotBefore, LeaseUntil) " +
            "VALUES (@channel, @chat, @priority, @payload, @status, 0, @now, @now, @until) RETURNING Id");
        command.With("@channel", channel).With("@chat", chatId).With("@priority", (int)priority).With("@payload", null)
            .With("@status", (int)DeliveryStatus.InFlight).With("@now", now).With("@until", leaseUntil);
        foreach (var message in messages)
        {
            var payload = JsonSerializer.Serialize(message, Json);
            command.Parameters[3].Value = payload;
            var id = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            rows.Add(new OutboxMessage
            {
                Id = id, Channel = channel, ChatId = chatId, Priority = priority, Payload = payload,
                Status = DeliveryStatus.InFlight, CreatedAt = now, NotBefore = now, LeaseUntil = leaseUntil,
            });
        }

        return rows;
    }

    public static OutgoingMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.Payload, Json) ?? throw new InvalidDataException($"Outbox row {row.Id} has no message.");
}
