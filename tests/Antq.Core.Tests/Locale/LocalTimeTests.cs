using Antq.Core.Locale;

namespace Antq.Core.Tests.Locale;

public sealed class LocalTimeTests
{
    // 20/12/2026 07:30 and 11:00 in Vietnam (UTC+7).
    private static readonly DateTime Start = new(2026, 12, 20, 0, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("vi", "07:30–11:00 ngày 20/12/2026")]
    [InlineData("en", "07:30–11:00 on 20/12/2026")]
    public void A_same_day_span_says_its_day_once(string language, string expected) =>
        Assert.Equal(expected, LocalTime.Span(Start, Start.AddHours(3.5), language));

    [Theory]
    [InlineData("vi", "từ 07:30 ngày 20/12/2026 đến 11:00 ngày 21/12/2026")]
    [InlineData("en", "from 07:30 on 20/12/2026 to 11:00 on 21/12/2026")]
    public void A_span_across_days_says_both_days(string language, string expected) =>
        Assert.Equal(expected, LocalTime.Span(Start, Start.AddHours(27.5), language));

    [Fact]
    public void A_span_ending_after_midnight_local_time_is_across_days_even_when_utc_is_one_day() =>
        Assert.StartsWith("từ ", LocalTime.Span(new DateTime(2026, 12, 20, 14, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc), "vi"), StringComparison.Ordinal);
}
