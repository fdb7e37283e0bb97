using Antq.Bot.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Antq.Bot.Tests.Operations;

/// <summary>The due-messages job's interval has a name for what it runs, and a configuration written for its former name keeps working.</summary>
public sealed class DueMessagesScheduleTests
{
    [Theory]
    [InlineData(null, null, "00:00:10")]
    [InlineData("00:00:30", null, "00:00:30")]
    [InlineData(null, "00:01:00", "00:01:00")]
    [InlineData("00:00:30", "00:01:00", "00:00:30")]
    public void The_interval_is_read_from_its_key_else_from_its_former_key_else_ten_seconds(string? every, string? former, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DueMessagesSchedule.Key] = every,
            [DueMessagesSchedule.FormerKey] = former,
        }.Where(s => s.Value is not null)).Build();

        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DueMessagesSchedule.Every(configuration));
    }
}
