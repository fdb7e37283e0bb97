namespace Antq.Bot.Scheduling;

/// <summary>
/// How often <see cref="DueMessagesJob"/> runs (<c>Scheduling:DueMessagesEvery</c>): it turns due broadcasts, event
/// reminders and pledge renewal invitations into deliveries. Its former key, <c>Broadcasts:ClockInterval</c> (from when
/// it ran broadcasts alone), is still read when the new one is not set, so a configuration written for it keeps its interval.
/// </summary>
public static class DueMessagesSchedule
{
    public const string Key = "Scheduling:DueMessagesEvery";

    public const string FormerKey = "Broadcasts:ClockInterval";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    /// <summary>The interval configured under <see cref="Key"/>, else under <see cref="FormerKey"/>, else <see cref="Default"/>.</summary>
    public static TimeSpan Every(IConfiguration configuration)
    {
        var key = configuration[Key] is not null ? Key : configuration[FormerKey] is not null ? FormerKey : null;
        var every = key is null ? Default : configuration.GetValue<TimeSpan>(key);
        return every > TimeSpan.Zero
            ? every
            : throw new Hosting.ConfigurationProblemException($"{key} must be a positive time span (got {every}).");
    }
}
