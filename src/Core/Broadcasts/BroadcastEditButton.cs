using System.Globalization;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The "edit" buttons on a broadcast's card: <c>bcedit:text:7</c>, <c>bcedit:time:7</c>, or <c>bcedit:days:7:18</c>
/// (a weekly one's days as its card showed them). Built by the card and read by <see cref="BroadcastRoutes"/> from
/// this one place; <paramref name="What"/> is the step of <see cref="EditBroadcastFlow"/> to start on.
/// </summary>
public sealed record BroadcastEditButton(string What, long BroadcastId, int Days = 0)
{
    public const string Prefix = "bcedit:";

    public static BroadcastEditButton Text(long id) => new("text", id);

    public static BroadcastEditButton Time(long id) => new("time", id);

    public static BroadcastEditButton WeekDays(long id, int days) => new("days", id, days);

    public string Data => Prefix + What + ":" + BroadcastId.ToString(CultureInfo.InvariantCulture)
        + (What == "days" ? ":" + Days.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The edit in <paramref name="data"/>; null when it is not a well-formed edit button.</summary>
    public static BroadcastEditButton? Parse(string? data)
    {
        if (data?.StartsWith(Prefix, StringComparison.Ordinal) != true
            || data[Prefix.Length..].Split(':') is not [var what, var id, .. var rest]
            || !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var broadcastId))
        {
            return null;
        }

        return (what, rest) switch
        {
            ("text" or "time", []) => new BroadcastEditButton(what, broadcastId),
            ("days", [var days]) when int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var weekDays) => WeekDays(broadcastId, weekDays),
            _ => null,
        };
    }
}
