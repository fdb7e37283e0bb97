using System.Globalization;
using Antq.Core.Locale;

namespace Antq.Core.Tests.Locale;

public sealed class TypedDateTimeTests
{
    // Wednesday 9 December 2026, 10:00 in Vietnam (03:00 UTC).
    private static readonly DateTime Now = new(2026, 12, 9, 3, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("20/12 7h30", "2026-12-20 07:30")]
    [InlineData("20/12 19:30", "2026-12-20 19:30")]
    [InlineData("20/12/2026 7:30", "2026-12-20 07:30")]
    [InlineData("20/12/26 7:30", "2026-12-20 07:30")]
    [InlineData("7h30 20/12", "2026-12-20 07:30")]
    [InlineData("19:30 20/12/2026", "2026-12-20 19:30")]
    [InlineData("20-12 7h", "2026-12-20 07:00")]
    [InlineData("20.12.2026 7g30", "2026-12-20 07:30")]
    [InlineData("ngày 20/12 lúc 7 giờ 30", "2026-12-20 07:30")]
    [InlineData("20/12, 7 giờ 30 phút", "2026-12-20 07:30")]
    [InlineData("20/12 7 giờ rưỡi", "2026-12-20 07:30")]
    [InlineData("20/12 7h tối", "2026-12-20 19:00")]
    [InlineData("chiều 20/12 3h", "2026-12-20 15:00")]
    [InlineData("20/12 12h trưa", "2026-12-20 12:00")]
    [InlineData("20/12 1h trưa", "2026-12-20 13:00")]
    [InlineData("20/12 11h đêm", "2026-12-20 23:00")]
    [InlineData("20/12 8pm", "2026-12-20 20:00")]
    [InlineData("20/12 12am", "2026-12-20 00:00")]
    [InlineData("Dec 20 7:30", null)]
    public void Dates_and_times_are_read_as_people_write_them(string typed, string? expected) => AssertRead(typed, expected);

    [Theory]
    [InlineData("mai 8h", "2026-12-10 08:00")]
    [InlineData("ngày mai 8 giờ", "2026-12-10 08:00")]
    [InlineData("Ngày mai, 8 giờ sáng", "2026-12-10 08:00")]
    [InlineData("8h sáng mai", "2026-12-10 08:00")]
    [InlineData("tomorrow 8am", "2026-12-10 08:00")]
    [InlineData("Tomorrow 8:15 pm", "2026-12-10 20:15")]
    [InlineData("hôm nay 17h", "2026-12-09 17:00")]
    [InlineData("today 5pm", "2026-12-09 17:00")]
    [InlineData("tối nay 8h", "2026-12-09 20:00")]
    [InlineData("tonight 8", null)]
    [InlineData("tonight 8pm", "2026-12-09 20:00")]
    [InlineData("ngày kia 9h", "2026-12-11 09:00")]
    [InlineData("mốt 9h", "2026-12-11 09:00")]
    public void Today_tomorrow_and_the_day_after_are_counted_from_the_local_day(string typed, string? expected) => AssertRead(typed, expected);

    [Theory]
    [InlineData("thứ bảy 9h", "2026-12-12 09:00")]
    [InlineData("Thứ 7 9h", "2026-12-12 09:00")]
    [InlineData("t7 9h", "2026-12-12 09:00")]
    [InlineData("9h chủ nhật", "2026-12-13 09:00")]
    [InlineData("CN 9h", "2026-12-13 09:00")]
    [InlineData("thứ hai 7:30", "2026-12-14 07:30")]
    [InlineData("saturday 9am", "2026-12-12 09:00")]
    [InlineData("Sat 9am", "2026-12-12 09:00")]
    [InlineData("thứ tư 11h", "2026-12-09 11:00")] // today, Wednesday, still to come
    [InlineData("thứ tư 9h", "2026-12-16 09:00")] // today's 9h has passed: next Wednesday
    public void A_weekday_is_its_next_coming_at_that_time(string typed, string? expected) => AssertRead(typed, expected);

    [Theory]
    [InlineData("5/1 8h", "2027-01-05 08:00")] // January has passed this year: next year's
    [InlineData("9/12 11h", "2026-12-09 11:00")] // today, later
    [InlineData("29/2 8h", "2028-02-29 08:00")] // the next leap year
    public void Without_a_year_the_date_is_its_next_coming(string typed, string? expected) => AssertRead(typed, expected);

    [Theory]
    [InlineData("17h", "2026-12-09 17:00")]
    [InlineData("19:30", "2026-12-09 19:30")]
    [InlineData("8h", "2026-12-10 08:00")] // already past today: tomorrow's
    public void A_bare_time_is_the_next_one(string typed, string? expected) => AssertRead(typed, expected);

    [Fact]
    public void A_bare_time_can_be_on_a_given_day()
    {
        var reading = TypedDateTime.Read("11:00", Now, new DateOnly(2026, 12, 20));

        Assert.Equal(Local("2026-12-20 11:00"), reading.Utc);
    }

    [Theory]
    [InlineData("9/12 8h")]
    [InlineData("hôm nay 7h")]
    [InlineData("9/12/2026 9:59")]
    [InlineData("1/1/2020 8:00")]
    [InlineData("hôm qua 8h")]
    [InlineData("hôm kia 8h")]
    public void A_moment_already_past_is_refused_and_said_which(string typed)
    {
        var reading = TypedDateTime.Read(typed, Now);

        Assert.Equal(DateTimeProblem.Past, reading.Problem);
        Assert.False(reading.IsRead);
        Assert.NotNull(reading.Utc);
    }

    [Theory]
    [InlineData("mai")]
    [InlineData("20/12")]
    [InlineData("thứ bảy")]
    public void A_day_without_a_time_asks_for_the_time(string typed) =>
        Assert.Equal(DateTimeProblem.NoTime, TypedDateTime.Read(typed, Now).Problem);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("sớm nhất có thể")]
    [InlineData("32/12 8h")]
    [InlineData("20/13 8h")]
    [InlineData("20/12 25h")]
    [InlineData("20/12 7h75")]
    [InlineData("20/12 13pm")]
    [InlineData("mai 8h 9h")]
    [InlineData("mai 20/12 8h")]
    [InlineData("8")]
    [InlineData("20/12 8h hoặc 9h")]
    [InlineData("20/12/1999 8h")]
    public void Anything_else_is_unreadable(string? typed) =>
        Assert.Equal(DateTimeProblem.Unreadable, TypedDateTime.Read(typed, Now).Problem);

    [Fact]
    public void The_local_day_not_the_utc_day_decides_today()
    {
        // 23:30 UTC on 9 December is 06:30 on Thursday 10 December in Vietnam.
        var lateUtc = new DateTime(2026, 12, 9, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(Local("2026-12-10 08:00"), TypedDateTime.Read("hôm nay 8h", lateUtc).Utc);
        Assert.Equal(Local("2026-12-11 08:00"), TypedDateTime.Read("mai 8h", lateUtc).Utc);
    }

    private static void AssertRead(string typed, string? expected)
    {
        var reading = TypedDateTime.Read(typed, Now);
        if (expected is null)
        {
            Assert.False(reading.IsRead);
            return;
        }

        Assert.Equal(DateTimeProblem.None, reading.Problem);
        Assert.Equal(Local(expected), reading.Utc);
    }

    private static DateTime Local(string local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), LocalTime.Zone);
}
