using Antq.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Conversations;

public sealed class IntakeLimiterTests
{
    private static readonly DateTime Noon = new(2025, 8, 19, 5, 0, 0, DateTimeKind.Utc);

    private static IntakeLimiter Limiter(int perMinute = 3) =>
        new(Options.Create(new ConversationOptions { MaxUpdatesPerMinute = perMinute, NotUnderstoodEvery = TimeSpan.FromSeconds(30) }));

    [Fact]
    public void Past_the_limit_the_first_update_asks_to_slow_down_and_the_rest_are_skipped_until_the_minute_has_passed()
    {
        var limiter = Limiter();

        var verdicts = Enumerable.Range(1, 6).Select(i => limiter.Admit("telegram", "1", i, Noon.AddSeconds(i))).ToList();

        Assert.Equal([IntakeVerdict.Answer, IntakeVerdict.Answer, IntakeVerdict.Answer, IntakeVerdict.SlowDown, IntakeVerdict.Skip, IntakeVerdict.Skip], verdicts);
        // A minute after the first answer, one more may be answered; the slow-down was said less than a minute ago.
        Assert.Equal(IntakeVerdict.Answer, limiter.Admit("telegram", "1", 7, Noon.AddSeconds(61)));
        Assert.Equal(IntakeVerdict.Skip, limiter.Admit("telegram", "1", 8, Noon.AddSeconds(61.5)));

        // Another chat, or the same chat on another channel, has its own minute.
        Assert.Equal(IntakeVerdict.Answer, limiter.Admit("telegram", "2", 9, Noon.AddSeconds(6)));
        Assert.Equal(IntakeVerdict.Answer, limiter.Admit("zalo", "1", 10, Noon.AddSeconds(6)));
    }

    [Fact]
    public void The_slow_down_message_goes_once_a_minute_however_long_the_flood()
    {
        var limiter = Limiter(perMinute: 1);

        var slowDowns = Enumerable.Range(1, 300).Select(i => limiter.Admit("telegram", "1", i, Noon.AddSeconds(i / 2.0)))
            .Count(v => v == IntakeVerdict.SlowDown);

        Assert.Equal(3, slowDowns); // 150 s of flooding
    }

    [Fact]
    public void The_same_update_asked_about_again_gets_the_same_verdict_and_is_not_counted_twice()
    {
        var limiter = Limiter(perMinute: 1);

        Assert.Equal(IntakeVerdict.Answer, limiter.Admit("telegram", "1", 41, Noon));
        Assert.Equal(IntakeVerdict.Answer, limiter.Admit("telegram", "1", 41, Noon));
        Assert.Equal(IntakeVerdict.SlowDown, limiter.Admit("telegram", "1", 42, Noon));
        Assert.Equal(IntakeVerdict.SlowDown, limiter.Admit("telegram", "1", 42, Noon));
    }

    [Fact]
    public void Without_a_limit_every_update_is_answered()
    {
        var limiter = Limiter(perMinute: 0);

        Assert.All(Enumerable.Range(1, 100), i => Assert.Equal(IntakeVerdict.Answer, limiter.Admit("telegram", "1", i, Noon)));
    }

    [Fact]
    public void Not_understood_is_said_once_in_its_time_unless_something_was_understood_in_between()
    {
        var limiter = Limiter();

        Assert.True(limiter.MaySayNotUnderstood("telegram", "1", Noon));
        Assert.False(limiter.MaySayNotUnderstood("telegram", "1", Noon.AddSeconds(10)));
        Assert.False(limiter.MaySayNotUnderstood("telegram", "1", Noon.AddSeconds(29)));
        Assert.True(limiter.MaySayNotUnderstood("telegram", "1", Noon.AddSeconds(31)));
        limiter.Understood("telegram", "1");
        Assert.True(limiter.MaySayNotUnderstood("telegram", "1", Noon.AddSeconds(32)));
    }
}
