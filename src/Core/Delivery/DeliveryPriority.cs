namespace Antq.Core.Delivery;

/// <summary>Lower goes first: a reply to a resident never waits behind a broadcast.</summary>
public enum DeliveryPriority
{
    Reply = 0,
    Reminder = 1,
    Broadcast = 2,
}
