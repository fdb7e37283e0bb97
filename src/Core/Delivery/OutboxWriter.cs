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

    public static OutgoingMessage Read(OutboxMessage row) =>
        JsonSerializer.Deserialize<OutgoingMessage>(row.Payload, Json) ?? throw new InvalidDataException($"Outbox row {row.Id} has no message.");
}
