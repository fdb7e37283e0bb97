using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Texts;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The console's compose form, read into the chat's <see cref="BroadcastDraft"/> with the chat's rules: a text (at most
/// the configured length), a topic, the officer's ward (or chosen units of it; the city or a ward for an admin), a
/// language, and now, a time to come within a year, or a repetition from that time.
/// </summary>
public sealed class BroadcastForm
{
    public string? Text { get; set; }

    public string Topic { get; set; } = "awareness";

    /// <summary>An admin's choice: a ward id, or empty for the whole city. An officer's is always their ward.</summary>
    public string? Ward { get; set; }

    public List<string> Units { get; set; } = [];

    public string Language { get; set; } = "all";

    /// <summary>"now", "at" (once, at <see cref="At"/>) or "repeat" (from <see cref="At"/>, as <see cref="Repeat"/> says).</summary>
    public string When { get; set; } = "now";

    /// <summary>Local date and time in Asia/Ho_Chi_Minh, as a datetime-local field sends it.</summary>
    public string? At { get; set; }

    public string Repeat { get; set; } = "daily";

    /// <summary>Weekly on these days (<see cref="DayOfWeek"/> numbers); none for the first time's weekday.</summary>
    public List<int> Days { get; set; } = [];

    /// <summary>The photo uploaded at an earlier preview (its console photo id), carried to the next preview and to sending.</summary>
    public string? PhotoId { get; set; }

    /// <summary>The officer took the photo off at the next preview.</summary>
    public bool DropPhoto { get; set; }

    /// <summary>Ticked days (<see cref="DayOfWeek"/> numbers) as the bits a broadcast keeps; anything else is ignored.</summary>
    public static int Weekdays(IEnumerable<int> days) => days.Where(d => d is >= 0 and <= 6).Aggregate(0, (bits, d) => bits | Recurrences.Bit((DayOfWeek)d));

    /// <summary>
    /// The draft, or why not in words for the officer (the page's own texts through <paramref name="t"/>); with a photo
    /// (<paramref name="photo"/>), the text is its caption. The photo itself the page adds once it is checked.
    /// </summary>
    public (BroadcastDraft? Draft, string? Problem) Read(Officer officer, AreaTree areas, DateTime now, int maxTextLength, bool photo, string language, Func<string, object?[], string> t)
    {
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, t("bc_text_empty", []));
        }

        if (text.Length > maxTextLength)
        {
            return (null, t("bc_text_too_long", [maxTextLength, text.Length]));
        }

        if (photo && text.Length > BroadcastDraft.MaxCaptionLength)
        {
            return (null, t("bc_caption_too_long", [BroadcastDraft.MaxCaptionLength, text.Length]));
        }

        if (BroadcastTopics.FromCode(Topic) is not { } topic)
        {
            return (null, t("bc_topic_invalid", []));
        }

        var admin = officer.Role == OfficerRole.Admin;
        var ward = admin ? (string.IsNullOrEmpty(Ward) ? null : areas.FindWard(Ward)?.Id) : officer.WardId;
        if (admin && !string.IsNullOrEmpty(Ward) && ward is null)
        {
            return (null, t("bc_ward_invalid", []));
        }

        var units = Units.Where(u => !string.IsNullOrEmpty(u)).Distinct().ToList();
        if (units.Count > 0 && (ward is null || units.Any(u => areas.FindUnit(u)?.WardId != ward)))
        {
            return (null, t("bc_units_invalid", []));
        }

        if (Language is not ("all" or Languages.Vietnamese or Languages.English))
        {
            return (null, t("bc_language_invalid", []));
        }

        var draft = new BroadcastDraft
        {
            Text = text,
            Topic = topic,
            Wards = ward is null ? [] : [ward],
            WholeCity = ward is null,
            Units = units,
            Language = Language == "all" ? null : Language,
        };
        if (When == "now")
        {
            return (draft, null);
        }

        var recurrence = When == "repeat" ? Recurrences.FromCode(Repeat) : Recurrence.None;
        if (When is not ("at" or "repeat") || recurrence is null)
        {
            return (null, t("bc_when_invalid", []));
        }

        if (ConsoleDateTime.Read(At) is not { } at)
        {
            return (null, t("bc_at_missing", []));
        }

        if (at <= now)
        {
            return (null, t("bc_at_past", [LocalTime.Format(at, language)]));
        }

        if (at > now.AddYears(1))
        {
            return (null, t("bc_at_far", []));
        }

        var weekdays = recurrence == Recurrence.Weekly ? Weekdays(Days) : 0;

        // As the chat reads it: on chosen weekdays the first time is the first chosen day from then.
        var first = weekdays != 0 ? Recurrences.First(Recurrence.Weekly, at, weekdays) : at;
        return (draft with { At = first, Recurrence = recurrence.Value, Weekdays = weekdays }, null);
    }
}
