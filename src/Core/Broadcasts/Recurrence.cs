using Antq.Core.Text;

namespace Antq.Core.Broadcasts;

/// <summary>How a broadcast repeats: at the same local time every day, week (same weekday), month (same day) or year.</summary>
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

    public static Recurrence? FromCode(string code) => Offered.Where(r => r.Code == code).Select(r => (Recurrence?)r.Kind).FirstOrDefault();

    public static string Code(Recurrence kind) => Offered.Single(r => r.Kind == kind).Code;

    /// <summary>The next occurrence after <paramref name="afterUtc"/>, keeping the local wall-clock time of <paramref name="firstUtc"/>.</summary>
    public static DateTime Next(Recurrence kind, DateTime firstUtc, DateTime afterUtc)
    {
        var first = LocalTime.ToLocal(firstUtc);
        var next = first;
        for (var i = 1; TimeZoneInfo.ConvertTimeToUtc(next, LocalTime.Zone) <= afterUtc; i++)
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

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), LocalTime.Zone);
    }
}
