using System.Globalization;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The officers' buttons on a broadcast: open its card from the list, pause, resume or cancel it. The one place
/// their callback data is built and read (<c>bcshow:7</c>, <c>bcpause:7</c>, <c>bcresume:7</c>, <c>bccancel:7</c>,
/// as in buttons already sent to chats), so the list, the card and <see cref="BroadcastRoutes"/> cannot drift apart.
/// </summary>
public sealed record BroadcastButton(BroadcastAction Action, long BroadcastId)
{
    private static readonly Dictionary<BroadcastAction, string> Prefixes = new()
    {
        [BroadcastAction.Show] = "bcshow:",
        [BroadcastAction.Pause] = "bcpause:",
        [BroadcastAction.Resume] = "bcresume:",
        [BroadcastAction.Cancel] = "bccancel:",
    };

    public string Data => Prefixes[Action] + BroadcastId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The action in <paramref name="data"/>; null when it is not a well-formed broadcast button.</summary>
    public static BroadcastButton? Parse(string? data)
    {
        foreach (var (action, prefix) in Prefixes)
        {
            if (data?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                return long.TryParse(data.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? new BroadcastButton(action, id) : null;
            }
        }

        return null;
    }
}
