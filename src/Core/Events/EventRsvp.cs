namespace Antq.Core.Events;

/// <summary>A resident's answer to an event: coming or not. One per resident and event; the latest answer counts.</summary>
public sealed class EventRsvp
{
    public long Id { get; set; }

    public long EventId { get; set; }

    public required string Channel { get; set; }

    public required string ChatId { get; set; }

    public bool Coming { get; set; }

    public DateTime AnsweredAt { get; set; }
}
