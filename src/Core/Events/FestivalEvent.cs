namespace Antq.Core.Events;

/// <summary>An event a ward holds (the yearly festival day, a meeting): announced to its followers, who answer and get reminders.</summary>
public sealed class FestivalEvent
{
    public long Id { get; set; }

    public long OfficerId { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public required string WardId { get; set; }

    public required string Place { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime EndsAt { get; set; }

    public EventStatus Status { get; set; }

    /// <summary>Minutes before the start when reminders go, earliest first, e.g. "4320,1440,120"; chosen per event.</summary>
    public string ReminderMinutes { get; set; } = EventReminders.DefaultText;

    /// <summary>Which of the reminders already went (bit i for the i-th of <see cref="ReminderMinutes"/>).</summary>
    public int RemindersSent { get; set; }

    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<int> Reminders => EventReminders.Parse(ReminderMinutes);
}

public enum EventStatus
{
    Scheduled = 0,
    Cancelled = 1,
}
