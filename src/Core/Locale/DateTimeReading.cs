namespace Antq.Core.Locale;

/// <summary>
/// What <see cref="TypedDateTime.Read"/> made of a typed date and time: the moment in UTC, or why not. A moment in the
/// past is given too (with <see cref="DateTimeProblem.Past"/>) so the answer can say which moment it read.
/// </summary>
public sealed record DateTimeReading(DateTime? Utc, DateTimeProblem Problem)
{
    public bool IsRead => Problem == DateTimeProblem.None;
}
