namespace Antq.Core.Conversations;

/// <summary>
/// What the bot asks for with a message, so a channel that can offer a better control than a plain text box does
/// (the web chat shows a date-time picker, a date picker or a multi-line box). Channels that cannot ignore it: the answer still
/// comes back as text.
/// </summary>
public enum ExpectedInput
{
    /// <summary>Anything: a short text, a button, a command.</summary>
    Any,

    /// <summary>A date and time, typed as people type them ("20/12 7h30", "mai 8h").</summary>
    DateTime,

    /// <summary>A description of several lines.</summary>
    LongText,

    /// <summary>A day that has been, typed as people type it ("20/12", "hôm qua"): a tip's date. Last, as outbox rows store the number.</summary>
    Date,
}
