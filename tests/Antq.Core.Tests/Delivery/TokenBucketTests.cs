using Antq.Core.Delivery;

namespace Antq.Core.Tests.Delivery;

public sealed class TokenBucketTests
{
    [Fact]
    public void A_burst_goes_at_once_then_each_token_waits_its_turn()
    {
        var bucket = new TokenBucket(ratePerSecond: 1, burst: 3);

        var waits = Enumerable.Range(0, 5).Select(_ => bucket.Reserve()).ToList();

        Assert.All(waits.Take(3), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.InRange(waits[3].TotalSeconds, 0.9, 1.01);
        Assert.InRange(waits[4].TotalSeconds, 1.9, 2.01);
    }

    [Fact]
    public void A_pause_delays_every_reservation_by_at_least_the_pause()
    {
        var bucket = new TokenBucket(ratePerSecond: 30, burst: 30);

        bucket.PauseFor(TimeSpan.FromSeconds(5));

        Assert.InRange(bucket.Reserve().TotalSeconds, 4.9, 5.1);
        Assert.False(bucket.IsIdle);
    }

    [Theory]
    [InlineData("21:30-06:30", "22:00", true)]
    [InlineData("21:30-06:30", "06:29", true)]
    [InlineData("21:30-06:30", "06:30", false)]
    [InlineData("21:30-06:30", "12:00", false)]
    [InlineData("12:00-13:00", "12:30", true)]
    public void Quiet_hours_may_cross_midnight(string window, string time, bool quiet)
    {
        Assert.True(QuietHours.TryParse(window, out var hours));
        Assert.Equal(quiet, hours!.Contains(TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("off", true)]
    [InlineData("OFF", true)]
    [InlineData("21:30", false)]
    [InlineData("25:00-06:00", false)]
    [InlineData("10:00-10:00", false)]
    [InlineData("evening", false)]
    public void Quiet_hours_accept_a_window_or_off_and_nothing_else(string text, bool valid) =>
        Assert.Equal(valid, QuietHours.TryParse(text, out _));
}
