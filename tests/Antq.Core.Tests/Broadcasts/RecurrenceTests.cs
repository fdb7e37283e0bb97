using Antq.Core.Broadcasts;

namespace Antq.Core.Tests.Broadcasts;

public sealed class RecurrenceTests
{
    // 07:30 in Vietnam is 00:30 UTC.
    private static readonly DateTime First = new(2027, 1, 31, 0, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(Recurrence.Daily, "2027-02-01T00:30:00Z")]
    [InlineData(Recurrence.Weekly, "2027-02-07T00:30:00Z")]
    [InlineData(Recurrence.Monthly, "2027-02-28T00:30:00Z")]
    [InlineData(Recurrence.Yearly, "2028-01-31T00:30:00Z")]
    public void The_next_occurrence_keeps_the_local_time_of_the_first(Recurrence kind, string expected) =>
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), Recurrences.Next(kind, First, First));

    [Fact]
    public void After_a_long_stop_the_next_occurrence_is_the_first_one_still_ahead()
    {
        var next = Recurrences.Next(Recurrence.Daily, First, First.AddDays(10).AddHours(1));

        Assert.Equal(First.AddDays(11), next);
    }

    // Monday and Thursday at 07:00 in Vietnam (00:00 UTC); 1 February 2027 is a Monday.
    private static readonly int MondayThursday = Recurrences.Bit(DayOfWeek.Monday) | Recurrences.Bit(DayOfWeek.Thursday);

    [Theory]
    [InlineData("2027-02-01T00:00:00Z", "2027-02-04T00:00:00Z")] // Monday 07:00 sent: Thursday next
    [InlineData("2027-02-04T00:00:00Z", "2027-02-08T00:00:00Z")] // Thursday 07:00 sent: the next Monday
    [InlineData("2027-02-02T10:00:00Z", "2027-02-04T00:00:00Z")] // Tuesday afternoon: Thursday
    [InlineData("2027-02-03T23:59:00Z", "2027-02-04T00:00:00Z")] // Wednesday 23:59 UTC is already Thursday 06:59 in Vietnam
    [InlineData("2027-02-04T00:00:01Z", "2027-02-08T00:00:00Z")] // a second past Thursday's time
    [InlineData("2027-02-06T18:00:00Z", "2027-02-08T00:00:00Z")] // Saturday 18:00 UTC is Sunday 01:00 local
    public void Weekly_on_chosen_days_goes_to_the_next_chosen_local_day(string after, string expected)
    {
        var first = Utc("2027-02-01T00:00:00Z");

        Assert.Equal(Utc(expected), Recurrences.Next(Recurrence.Weekly, first, Utc(after), MondayThursday));
    }

    [Fact]
    public void The_first_occurrence_on_chosen_days_is_the_first_chosen_day_from_the_start()
    {
        // Tuesday 2 February 2027, 07:00 local: the first Monday-or-Thursday is Thursday the 4th.
        Assert.Equal(Utc("2027-02-04T00:00:00Z"), Recurrences.First(Recurrence.Weekly, Utc("2027-02-02T00:00:00Z"), MondayThursday));
        Assert.Equal(Utc("2027-02-01T00:00:00Z"), Recurrences.First(Recurrence.Weekly, Utc("2027-02-01T00:00:00Z"), MondayThursday));
    }

    [Fact]
    public void A_time_before_seven_in_the_morning_local_lands_on_the_local_day_not_the_utc_one()
    {
        // 06:00 local on Monday is 23:00 UTC on Sunday.
        var first = Utc("2027-01-31T23:00:00Z");

        Assert.Equal(Utc("2027-02-03T23:00:00Z"), Recurrences.Next(Recurrence.Weekly, first, first, MondayThursday));
        Assert.Equal(DayOfWeek.Thursday, Antq.Core.Locale.LocalTime.ToLocal(Utc("2027-02-03T23:00:00Z")).DayOfWeek);
    }

    [Fact]
    public void Weekly_without_chosen_days_keeps_the_weekday_of_the_first() =>
        Assert.Equal(First.AddDays(14), Recurrences.Next(Recurrence.Weekly, First, First.AddDays(8)));

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
