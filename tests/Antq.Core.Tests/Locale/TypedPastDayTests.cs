using System.Globalization;
using Antq.Core.Locale;

namespace Antq.Core.Tests.Locale;

/// <summary>A day that has been, as a resident types it when telling what happened (a tip's date).</summary>
public sealed class TypedPastDayTests
{
    // Wednesday 9 December 2026, 10:00 in Vietnam (03:00 UTC).
    private static readonly DateTime Now = new(2026, 12, 9, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("20/11", "2026-11-20")]
    [InlineData("9/12", "2026-12-09")] // today counts
    [InlineData("20/12", "2025-12-20")] // not yet come this year: last year's
    [InlineData("ngày 20/11", "2026-11-20")]
    [InlineData("20-11", "2026-11-20")]
    [InlineData("20.11.2026", "2026-11-20")]
    [InlineData("20/11/2024", "2024-11-20")]
    [InlineData("20/11/24", "2024-11-20")]
    [InlineData("29/2", "2024-02-29")] // the last leap year
    public void Dates_without_a_year_are_their_last_coming(string typed, string expected) => AssertRead(typed, Now, expected);

    [Theory]
    [InlineData("hôm nay", "2026-12-09")]
    [InlineData("hôm qua", "2026-12-08")]
    [InlineData("Hôm qua", "2026-12-08")]
    [InlineData("hom qua", "2026-12-08")]
    [InlineData("ngày hôm qua", "2026-12-08")]
    [InlineData("hôm kia", "2026-12-07")]
    [InlineData("yesterday", "2026-12-08")]
    [InlineData("tối qua 8h", "2026-12-08")] // the time of day is left out: a tip keeps the day
    [InlineData("hôm qua lúc 23:30", "2026-12-08")]
    public void Yesterday_and_the_day_before_are_counted_back_from_the_local_day(string typed, string expected) => AssertRead(typed, Now, expected);

    [Theory]
    [InlineData("thứ bảy", "2026-12-05")]
    [InlineData("Thứ 2", "2026-12-07")]
    [InlineData("t3", "2026-12-08")]
    [InlineData("chủ nhật", "2026-12-06")]
    [InlineData("thứ tư", "2026-12-02")] // today is Wednesday: the one a week ago
    [InlineData("saturday", "2026-12-05")]
    public void A_weekday_is_the_last_one_before_today(string typed, string expected) => AssertRead(typed, Now, expected);

    [Fact]
    public void Early_in_January_a_date_of_December_is_last_year()
    {
        // Monday 5 January 2027, 08:00 in Vietnam.
        var january = new DateTime(2027, 1, 5, 1, 0, 0, DateTimeKind.Utc);

        AssertRead("20/12", january, "2026-12-20");
        AssertRead("3/1", january, "2027-01-03");
        AssertRead("hôm kia", january, "2027-01-03");
    }

    [Fact]
    public void The_local_day_not_the_utc_day_decides_yesterday()
    {
        // 18:30 UTC on 9 December is 01:30 on Thursday 10 December in Vietnam.
        var lateUtc = new DateTime(2026, 12, 9, 18, 30, 0, DateTimeKind.Utc);

        AssertRead("hôm qua", lateUtc, "2026-12-09");
    }

    [Theory]
    [InlineData("mai", "2026-12-10")]
    [InlineData("ngày kia", "2026-12-11")]
    [InlineData("31/12/2026", "2026-12-31")]
    [InlineData("10/12/2026", "2026-12-10")]
    public void A_day_still_to_come_is_refused_and_said_which(string typed, string expected)
    {
        var reading = TypedDateTime.ReadPastDay(typed, Now);

        Assert.Equal(DateTimeProblem.Future, reading.Problem);
        Assert.False(reading.IsRead);
        Assert.Equal(Day(expected), reading.Day);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("tuần trước")]
    [InlineData("8h")]
    [InlineData("32/11")]
    [InlineData("20/13")]
    [InlineData("hôm qua hoặc hôm kia")]
    [InlineData("20/11 thứ bảy")]
    [InlineData("20/11/1999")]
    public void Anything_else_is_unreadable(string? typed) =>
        Assert.Equal(DateTimeProblem.Unreadable, TypedDateTime.ReadPastDay(typed, Now).Problem);

    private static void AssertRead(string typed, DateTime now, string expected)
    {
        var reading = TypedDateTime.ReadPastDay(typed, now);

        Assert.Equal(DateTimeProblem.None, reading.Problem);
        Assert.Equal(Day(expected), reading.Day);
    }

    private static DateOnly Day(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
