using System.Globalization;

namespace Antq.Core.Locale;

/// <summary>Times are stored in UTC and shown in Vietnam's time (Asia/Ho_Chi_Minh).</summary>
public static class LocalTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public static DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"14:05 ngày 29/11/2026" in Vietnamese, "14:05 on 29/11/2026" in English.</summary>
    public static string Format(DateTime utc, string language)
    {
        var local = ToLocal(utc);
        var day = local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        return language == "en" ? $"{time} on {day}" : $"{time} ngày {day}";
    }
}
