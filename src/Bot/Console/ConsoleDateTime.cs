using System.Globalization;
using Antq.Core.Locale;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The value of an <c>&lt;input type="datetime-local"&gt;</c>, which is wall-clock time in Asia/Ho_Chi_Minh whatever the
/// browser's own zone: read into UTC for the domain, and written back from UTC for the form.
/// </summary>
public static class ConsoleDateTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    public static DateTime? Read(string? value) =>
        DateTime.TryParseExact(value?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone)
            : null;

    public static string Write(DateTime utc) => LocalTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
