namespace Antq.Core.Delivery;

/// <summary>
/// What an outgoing message is, for the operator (<c>antq_outbox_queue_depth{kind}</c>). Stored only where the priority
/// does not say it: a reply, a reminder and a broadcast are known by their priority (same numbers).
/// </summary>
public enum OutboxKind
{
    /// <summary>An answer to the resident's own message.</summary>
    Reply = 0,

    /// <summary>Event reminders and notices, pledge renewal invitations.</summary>
    Reminder = 1,

    /// <summary>A broadcast or an event announcement to the residents of an area.</summary>
    Broadcast = 2,

    /// <summary>A tip's card and the messages about a tip, between its ward's officers and its tipster.</summary>
    Tip = 3,

    /// <summary>Other messages to officers: a broadcast's progress and report, the monthly summary.</summary>
    Notice = 4,

    /// <summary>
    /// Not sent: a web chat visitor's button choice, written as already sent so that the chat's history (read back from
    /// the outbox) shows it as the visitor's own bubble after a reload.
    /// </summary>
    Echo = 5,
}
