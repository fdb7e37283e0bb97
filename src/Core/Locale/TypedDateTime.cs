using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Antq.Core.Locale;

/// <summary>
/// Reads a date and time as people type them in a chat, in Vietnam's time: "20/12 7h30", "20/12 19:30",
/// "20/12/2026 7:30", "7h30 20/12", "mai 8h", "ngày mai 8 giờ", "tomorrow 8am", "thứ bảy 9h", "hôm nay 17h",
/// "7 giờ tối thứ sáu". Pure: the time now is given. Without a year the date is its next coming (today counts);
/// a bare time is today's if still to come, else tomorrow's (or on a given day). Moments already past are refused.
/// <see cref="ReadPastDay"/> reads a day that has been, the same words facing the other way.
/// </summary>
public static partial class TypedDateTime
{
    public static DateTimeReading Read(string? text, DateTime nowUtc, DateOnly? dayOfBareTime = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return Unreadable;
        }

        var rest = Folded(text);
        if (!TakeDay(ref rest, out var day) | !TakeTime(ref rest, out var time) || !Filler().IsMatch(rest))
        {
            return Unreadable;
        }

        if (time is null)
        {
            return day is null ? Unreadable : new DateTimeReading(null, DateTimeProblem.NoTime);
        }

        var now = LocalTime.ToLocal(nowUtc);
        var today = DateOnly.FromDateTime(now);
        var date = day is null ? dayOfBareTime ?? (today.ToDateTime(time.Value) > now ? today : today.AddDays(1)) : day.Value.On(today, time.Value, now);
        if (date is not { } found)
        {
            return Unreadable;
        }

        var local = found.ToDateTime(time.Value);
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalTime.Zone);
        return new DateTimeReading(utc, local <= now ? DateTimeProblem.Past : DateTimeProblem.None);
    }

    /// <summary>
    /// A day that has been, as people type it when telling what happened: "20/12", "20/12/2026", "hôm qua",
    /// "hôm kia", "thứ bảy", "yesterday". Without a year the date is its last coming (today counts); a weekday is
    /// the last one before today. A time of day may be typed too ("tối qua 8h") and is left out. A day still to
    /// come is given with <see cref="DateTimeProblem.Future"/>, so the answer can say which day it read.
    /// </summary>
    public static DayReading ReadPastDay(string? text, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return UnreadableDay;
        }

        var rest = Folded(text);
        if (!TakeDay(ref rest, out var day) | !TakeTime(ref rest, out _) || !Filler().IsMatch(rest) || day is null)
        {
            return UnreadableDay;
        }

        var today = DateOnly.FromDateTime(LocalTime.ToLocal(nowUtc));
        return day.Value.Before(today) is { } found
            ? new DayReading(found, found > today ? DateTimeProblem.Future : DateTimeProblem.None)
            : UnreadableDay;
    }

    private static DateTimeReading Unreadable { get; } = new(null, DateTimeProblem.Unreadable);

    private static DayReading UnreadableDay { get; } = new(null, DateTimeProblem.Unreadable);

    private static string Folded(string text) => " " + Fold(text).Replace("tonight", "toi nay", StringComparison.Ordinal) + " ";

    /// <summary>Lower case, no diacritics ("Thứ Bảy" → "thu bay", "đêm" → "dem"), commas as spaces.</summary>
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'đ' => 'd', ',' or ';' => ' ', _ => c });
            }
        }

        return sb.ToString();
    }

    /// <summary>The one time of day in <paramref name="rest"/> (taken out of it), with "sáng/chiều/tối…" or am/pm applied; false when unreadable.</summary>
    private static bool TakeTime(ref string rest, out TimeOnly? time)
    {
        time = null;
        var part = Take(ref rest, DayPart(), out var dayPart) ? dayPart!.Groups["p"].Value : null;
        if (Take(ref rest, DayPart(), out _))
        {
            return false;
        }

        if (!Take(ref rest, ClockTime(), out var m))
        {
            return part is null;
        }

        if (Take(ref rest, ClockTime(), out _))
        {
            return false;
        }

        var hour = int.Parse(m!.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["half"].Success ? 30 : m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        switch (m.Groups["ap"].Value)
        {
            case "am" when hour is >= 1 and <= 12:
                hour %= 12;
                break;
            case "pm" when hour is >= 1 and <= 12:
                hour = hour % 12 + 12;
                break;
            case "am" or "pm":
                return false;
        }

        hour = part switch
        {
            "chieu" or "toi" when hour is >= 1 and < 12 => hour + 12,
            "trua" when hour is >= 1 and <= 2 => hour + 12,
            "dem" or "khuya" when hour is >= 6 and < 12 => hour + 12,
            "dem" or "khuya" when hour == 12 => 0,
            _ => hour,
        };
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    /// <summary>The one day in <paramref name="rest"/> (taken out of it): a date, "hôm nay/mai/ngày kia/hôm qua", or a weekday; false when unreadable.</summary>
    private static bool TakeDay(ref string rest, out TypedDay? day)
    {
        day = null;
        var found = new List<TypedDay>();
        if (Take(ref rest, Date(), out var date))
        {
            var year = date!.Groups["y"].Success ? int.Parse(date.Groups["y"].Value, CultureInfo.InvariantCulture) : (int?)null;
            found.Add(new TypedDay(int.Parse(date.Groups["d"].Value, CultureInfo.InvariantCulture), int.Parse(date.Groups["m"].Value, CultureInfo.InvariantCulture), year is < 100 ? year + 2000 : year, null, null));
        }

        if (Take(ref rest, Relative(), out var relative))
        {
            found.Add(new TypedDay(0, 0, null, RelativeDays(relative!.Groups["r"].Value), null));
        }

        if (Take(ref rest, Weekday(), out var weekday))
        {
            found.Add(new TypedDay(0, 0, null, null, WeekdayOf(weekday!)));
        }

        if (found.Count > 1 || Take(ref rest, Date(), out _) || Take(ref rest, Relative(), out _) || Take(ref rest, Weekday(), out _))
        {
            return false;
        }

        day = found.Count == 1 ? found[0] : null;
        return true;
    }

    /// <summary>"mai" is tomorrow, "ngày kia" the day after, "hôm qua" yesterday, "hôm kia" the day before.</summary>
    private static int RelativeDays(string word) => word switch
    {
        "mai" or "tomorrow" => 1,
        "kia" or "mot" => 2,
        "qua" or "yesterday" => -1,
        _ when word.StartsWith("hom", StringComparison.Ordinal) && word.EndsWith("qua", StringComparison.Ordinal) => -1,
        _ when word.StartsWith("hom", StringComparison.Ordinal) && word.EndsWith("kia", StringComparison.Ordinal) => -2,
        _ => 0,
    };

    private static DayOfWeek WeekdayOf(Match m)
    {
        var vn = m.Groups["vn"].Value;
        var en = m.Groups["en"].Value;
        return vn switch
        {
            "hai" or "2" => DayOfWeek.Monday,
            "ba" or "3" => DayOfWeek.Tuesday,
            "tu" or "4" => DayOfWeek.Wednesday,
            "nam" or "5" => DayOfWeek.Thursday,
            "sau" or "6" => DayOfWeek.Friday,
            "bay" or "7" => DayOfWeek.Saturday,
            "" when m.Groups["cn"].Success => DayOfWeek.Sunday,
            _ => en[..2] switch
            {
                "mo" => DayOfWeek.Monday,
                "tu" => DayOfWeek.Tuesday,
                "we" => DayOfWeek.Wednesday,
                "th" => DayOfWeek.Thursday,
                "fr" => DayOfWeek.Friday,
                "sa" => DayOfWeek.Saturday,
                _ => DayOfWeek.Sunday,
            },
        };
    }

    /// <summary>Takes the first match of <paramref name="pattern"/> out of <paramref name="rest"/>.</summary>
    private static bool Take(ref string rest, Regex pattern, out Match? match)
    {
        var m = pattern.Match(rest);
        match = m.Success ? m : null;
        if (m.Success)
        {
            rest = rest[..m.Index] + " " + rest[(m.Index + m.Length)..];
        }

        return m.Success;
    }

    [GeneratedRegex(@"(?<![\d:])(?<d>\d{1,2})[/.\-](?<m>\d{1,2})(?:[/.\-](?<y>\d{4}|\d{2}))?(?![\d:/.\-])")]
    private static partial Regex Date();

    [GeneratedRegex(@"(?<![\d/.\-:])(?<h>\d{1,2})(?:\s*(?:(?::|h|g|gio)(?:\s*(?:(?<m>\d{1,2})(?![\d/.\-])(?:\s*(?:phut|p)(?![a-z]))?|(?<half>ruoi)(?![a-z])))?\s*(?<ap>am|pm)?|\s*(?<ap>am|pm)))(?![a-z\d])")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"(?<![a-z])(?:ngay\s+)?(?<r>hom\s+nay|hom\s+qua|hom\s+kia|nay|qua|mai|kia|mot|today|tonight|tomorrow|yesterday)(?![a-z])")]
    private static partial Regex Relative();

    [GeneratedRegex(@"(?<![a-z])(?:thu\s*(?<vn>hai|ba|tu|nam|sau|bay|[2-7])|t(?<vn>[2-7])|(?<cn>chu\s*nhat|cn)|(?<en>monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thur?s?|fri|sat|sun))(?![a-z\d])")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"(?<![a-z])(?<p>sang|trua|chieu|toi|dem|khuya)(?![a-z])")]
    private static partial Regex DayPart();

    /// <summary>What may be left once the day and time are taken: words like "ngày", "lúc", "vào", "at", "on".</summary>
    [GeneratedRegex(@"^(?:\s|ngay|luc|vao|at|on|the|-)*$")]
    private static partial Regex Filler();
}
