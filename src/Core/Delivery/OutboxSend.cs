using Antq.Core.Conversations;

namespace Antq.Core.Delivery;

/// <summary>A message a change sends to a chat other than the one it answers, collected on its <see cref="ChangeContext"/>.</summary>
public sealed record OutboxSend(string Channel, string ChatId, OutgoingMessage Message, DeliveryPriority Priority, OutboxKind? Kind);
