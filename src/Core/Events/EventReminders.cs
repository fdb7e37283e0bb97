using System.Globalization;

namespace Antq.Core.Events;

/// <summary>When an event's reminders go: minutes before its start, chosen per event from the offered ones.</summary>
public static class EventReminders
{
    /// <summary>Offered choices, earliest first: 1 week, 3 days, 1 day, 2 hours, 30 minutes.</summary>
    public static IReadOnlyList<int> Offered { get; } = [7 * 24 * 60, 3 * 24 * 60, 24 * 60, 120, 30];

    /// <summary>3 days, 1 day and 2 hours before.</summary>
    public static IReadOnlyList<int> Default { get; } = [3 * 24 * 60, 24 * 60, 120];

    public static string DefaultText { get; } = Text(Default);

    /// <summary>Earliest first, without repeats: the clock relies on the order ("only the latest due one goes").</summary>
    public static string Text(IEnumerable<int> minutes) =>
        string.Join(',', minutes.Distinct().OrderDescending().Select(m => m.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<int> Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => int.Parse(m, CultureInfo.InvariantCulture))];

    /// <summary>The text key naming one offered choice ("event.remind_10080" → "1 tuần").</summary>
    public static string Key(int minutes) => "event.remind_" + minutes.ToString(CultureInfo.InvariantCulture);
}
