namespace Antq.Core.Locale;

/// <summary>
/// What <see cref="TypedDateTime.ReadPastDay"/> made of a typed day: the local date, or why not. A day still to come is
/// given too (with <see cref="DateTimeProblem.Future"/>) so the answer can say which day it read.
/// </summary>
public sealed record DayReading(DateOnly? Day, DateTimeProblem Problem)
{
    public bool IsRead => Problem == DateTimeProblem.None;
}
