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
}
