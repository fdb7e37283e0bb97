namespace Antq.Core.Locale;

/// <summary>A day as typed: a calendar date (year optional), days from today, or a weekday.</summary>
internal readonly record struct TypedDay(int DayOfMonth, int Month, int? Year, int? FromToday, DayOfWeek? Weekday)
{
    /// <summary>The date meant, seen from <paramref name="today"/>: the next coming of a date without a year, of a weekday at that time.</summary>
    public DateOnly? On(DateOnly today, TimeOnly time, DateTime now)
    {
        if (FromToday is { } days)
        {
            return today.AddDays(days);
        }

        if (Weekday is { } weekday)
        {
            var next = today.AddDays(((int)weekday - (int)today.DayOfWeek + 7) % 7);
            return next.ToDateTime(time) > now ? next : next.AddDays(7);
        }

        if (Year is { } year)
        {
            return Valid(year);
        }

        // 29/2 waits for the next leap year; a date earlier in the year than today is next year's.
        for (var y = today.Year; y <= today.Year + 8; y++)
        {
            if (Valid(y) is { } date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The date meant, looking back from <paramref name="today"/>: the last coming of a date without a year, the last weekday before today.</summary>
    public DateOnly? Before(DateOnly today)
    {
        if (FromToday is { } days)
        {
            return today.AddDays(days);
        }

        if (Weekday is { } weekday)
        {
            var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
            return today.AddDays(back == 0 ? -7 : -back);
        }

        if (Year is { } year)
        {
            return Valid(year);
        }

        // 29/2 is the last leap year's; a date later in the year than today is last year's.
        for (var y = today.Year; y >= today.Year - 8; y--)
        {
            if (Valid(y) is { } date && date <= today)
            {
                return date;
            }
        }

        return null;
    }

    private DateOnly? Valid(int year) =>
        year is >= 2000 and <= 2100 && Month is >= 1 and <= 12 && DayOfMonth >= 1 && DayOfMonth <= DateTime.DaysInMonth(year, Month)
            ? new DateOnly(year, Month, DayOfMonth)
            : null;
}
