using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Storage;

namespace Antq.Testing;

/// <summary>
/// Rows a test puts straight into the outbox, as the writer queues them: what a previous process left waiting, or a
/// queue filled without going through a conversation. Added to the context's unit of work; the test saves it.
/// </summary>
public static class OutboxRows
{
    public static OutboxMessage Queue(AntqDb db, string channel, string chatId, string text, DeliveryPriority priority, DateTime now, OutboxKind? kind = null) =>
        db.Outbox.Add(new OutboxMessage
        {
            Channel = channel,
            ChatId = chatId,
            Priority = priority,
            Kind = kind,
            Payload = OutboxWriter.Payload(new OutgoingMessage { Text = text }),
            Status = DeliveryStatus.Queued,
            CreatedAt = now,
            NotBefore = now,
        }).Entity;
}
