using System.Globalization;

namespace Antq.Core.Events;

/// <summary>
/// The answer buttons under an event (the announcement and each reminder): the one place their callback data is
/// built and read, so the producers and <see cref="EventRoutes"/> cannot drift apart.
/// </summary>
public sealed record RsvpButton(long EventId, bool Coming)
{
    public const string Prefix = "rsvp:";

    public string Data => Prefix + EventId.ToString(CultureInfo.InvariantCulture) + (Coming ? ":yes" : ":no");

    /// <summary>True when the data belongs to this family (well formed or not).</summary>
    public static bool Owns(string? data) => data?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The answer in <paramref name="data"/>; null when it is not a well-formed answer button.</summary>
    public static RsvpButton? Parse(string? data)
    {
        if (!Owns(data))
        {
            return null;
        }

        var parts = data![Prefix.Length..].Split(':');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && parts[1] is "yes" or "no"
            ? new RsvpButton(id, parts[1] == "yes")
            : null;
    }
}
