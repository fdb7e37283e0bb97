namespace Antq.Bot.WebConsole;

/// <summary>How long, said briefly for a row of the queue: minutes under an hour, hours under two days, then days.</summary>
public static class ConsoleDuration
{
    public static string Say(TimeSpan span, Func<string, object?[], string> text) => span switch
    {
        { TotalMinutes: < 1 } => text("duration_now", []),
        { TotalHours: < 1 } => text("duration_minutes", [(int)span.TotalMinutes]),
        { TotalHours: < 48 } => text("duration_hours", [(int)span.TotalHours]),
        _ => text("duration_days", [(int)span.TotalDays]),
    };
}
