using System.Globalization;

namespace Antq.Core.Delivery;

/// <summary>A local-time window ("21:30-06:30", may cross midnight) in which non-urgent broadcasts wait.</summary>
public sealed record QuietHours(TimeOnly Start, TimeOnly End)
{
    public static bool TryParse(string? text, out QuietHours? quietHours)
    {
        quietHours = null;
        if (string.Equals(text?.Trim(), "off", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not { Length: 2 }
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || start == end)
        {
            return false;
        }

        quietHours = new QuietHours(start, end);
        return true;
    }

    /// <summary>The window as people read it: "21:30–06:30".</summary>
    public string Window => Start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + End.ToString("HH:mm", CultureInfo.InvariantCulture);

    public bool Contains(TimeOnly local) => Start < End ? local >= Start && local < End : local >= Start || local < End;

    /// <summary>The last moment at or before <paramref name="utc"/> outside quiet hours (a reminder moves earlier, not later).</summary>
    public DateTime PreviousAllowed(DateTime utc)
    {
        var local = Locale.LocalTime.ToLocal(utc);
        if (!Contains(TimeOnly.FromDateTime(local)))
        {
            return utc;
        }

        var start = local.Date + Start.ToTimeSpan();
        if (start > local)
        {
            start = start.AddDays(-1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(start.AddMinutes(-1), DateTimeKind.Unspecified), Locale.LocalTime.Zone);
    }

    /// <summary>The first moment at or after <paramref name="utc"/> outside quiet hours (Vietnam's time), in UTC.</summary>
    public DateTime NextAllowed(DateTime utc)
    {
        var local = Locale.LocalTime.ToLocal(utc);
        if (!Contains(TimeOnly.FromDateTime(local)))
        {
            return utc;
        }

        var end = local.Date + End.ToTimeSpan();
        if (end <= local)
        {
            end = end.AddDays(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(end, DateTimeKind.Unspecified), Locale.LocalTime.Zone);
    }
}
