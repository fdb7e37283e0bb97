using Antq.Core.Locale;

namespace Antq.Core.Broadcasts;

/// <summary>How a broadcast repeats: at the same local time every day, week (same weekday, or chosen days), month (same day) or year.</summary>
public enum Recurrence
{
    None = 0,
    Daily = 1,
    Weekly = 2,
    Monthly = 3,
    Yearly = 4,
}

public static class Recurrences
{
    public static IReadOnlyList<(Recurrence Kind, string Code)> Offered { get; } =
    [
        (Recurrence.Daily, "daily"),
        (Recurrence.Weekly, "weekly"),
        (Recurrence.Monthly, "monthly"),
        (Recurrence.Yearly, "yearly"),
    ];

    /// <summary>Monday first, as a Vietnamese week is written (Thứ Hai … Chủ nhật).</summary>
    public static IReadOnlyList<DayOfWeek> Week { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static Recurrence? FromCode(string code) => Offered.Where(r => r.Code == code).Select(r => (Recurrence?)r.Kind).FirstOrDefault();

    public static string Code(Recurrence kind) => Offered.Single(r => r.Kind == kind).Code;

    /// <summary>The bit of <paramref name="day"/> in a set of weekdays.</summary>
    public static int Bit(DayOfWeek day) => 1 << (int)day;

    public static IEnumerable<DayOfWeek> Days(int weekdays) => Week.Where(d => (weekdays & Bit(d)) != 0);

    /// <summary>
    /// The next occurrence after <paramref name="afterUtc"/>, keeping the local wall-clock time of <paramref name="firstUtc"/>;
    /// weekly with <paramref name="weekdays"/> (bits of <see cref="DayOfWeek"/>) on each of those days, never before the first.
    /// </summary>
    public static DateTime Next(Recurrence kind, DateTime firstUtc, DateTime afterUtc, int weekdays = 0)
    {
        if (kind == Recurrence.Weekly && weekdays != 0)
        {
            return NextOnDays(firstUtc, afterUtc, weekdays);
        }

        var first = LocalTime.ToLocal(firstUtc);
        var next = first;
        for (var i = 1; Utc(next) <= afterUtc; i++)
        {
            next = kind switch
            {
                Recurrence.Daily => first.AddDays(i),
                Recurrence.Weekly => first.AddDays(7 * i),
                Recurrence.Monthly => first.AddMonths(i),
                Recurrence.Yearly => first.AddYears(i),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        return Utc(next);
    }

    /// <summary>The first occurrence at or after <paramref name="startUtc"/> (for chosen weekdays, the first such day).</summary>
    public static DateTime First(Recurrence kind, DateTime startUtc, int weekdays = 0) => Next(kind, startUtc, startUtc.AddTicks(-1), weekdays);

    private static DateTime NextOnDays(DateTime firstUtc, DateTime afterUtc, int weekdays)
    {
        var first = LocalTime.ToLocal(firstUtc);
        var after = LocalTime.ToLocal(afterUtc);
        var day = (after.Date > first.Date ? after.Date : first.Date).AddDays(-1);

        // Each local day from the later of the two, at the first's time of day: at most eight looks find one.
        for (var i = 0; i < 9; i++)
        {
            day = day.AddDays(1);
            var candidate = Utc(day + first.TimeOfDay);
            if ((weekdays & Bit(day.DayOfWeek)) != 0 && candidate > afterUtc && candidate >= firstUtc)
            {
                return candidate;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(weekdays), "No day of the week is chosen.");
    }

    private static DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone);
}
