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

    /// <summary>
    /// A span of time, its day said once when it starts and ends the same local day: "07:30–11:00 ngày 20/12/2026",
    /// not "từ 07:30 ngày 20/12/2026 đến 11:00 ngày 20/12/2026"; across days, "từ … đến …" ("from … to …").
    /// </summary>
    public static string Span(DateTime startUtc, DateTime endUtc, string language)
    {
        var (start, end) = (ToLocal(startUtc), ToLocal(endUtc));
        if (start.Date != end.Date)
        {
            return language == "en" ? $"from {Format(startUtc, language)} to {Format(endUtc, language)}" : $"từ {Format(startUtc, language)} đến {Format(endUtc, language)}";
        }

        var hours = start.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + end.ToString("HH:mm", CultureInfo.InvariantCulture);
        var day = start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return language == "en" ? $"{hours} on {day}" : $"{hours} ngày {day}";
    }
}
