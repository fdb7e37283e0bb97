using Antq.Core.Areas;
using Antq.Core.Events;
using Antq.Core.Locale;
using Antq.Core.Officers;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The console's new-event form, read into the chat's <see cref="EventDraft"/> with the chat's limits: a title of 3–150
/// characters, a description of 3–2,000, a place of 3–300, a start to come within a year and an end after it.
/// </summary>
public sealed class EventForm
{
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>An admin's choice of ward; an officer's event is in their own ward.</summary>
    public string? Ward { get; set; }

    public string? Place { get; set; }

    /// <summary>Local date and time in Asia/Ho_Chi_Minh, as a datetime-local field sends it.</summary>
    public string? Start { get; set; }

    public string? End { get; set; }

    /// <summary>Minutes before the start, from <see cref="EventReminders.Offered"/>.</summary>
    public List<int> Reminders { get; set; } = [];

    public (EventDraft? Draft, string? Problem) Read(Officer officer, AreaTree areas, DateTime now, string language, Func<string, object?[], string> t)
    {
        string? Typed(string? value, string label, int min, int max) =>
            value?.Trim() is not { } text || text.Length < min ? t("ev_text_short", [t(label, []), min])
            : text.Length > max ? t("ev_text_long", [t(label, []), max])
            : null;

        if ((Typed(Title, "ev_title_label", 3, 150) ?? Typed(Description, "ev_description_label", 3, 2000) ?? Typed(Place, "ev_place_label", 3, 300)) is { } problem)
        {
            return (null, problem);
        }

        var ward = officer.Role == OfficerRole.Admin ? areas.FindWard(Ward ?? "")?.Id : officer.WardId;
        if (ward is null)
        {
            return (null, t("ev_ward_invalid", []));
        }

        var (start, end, timeProblem) = Times(Start, End, now, language, t);
        return timeProblem is not null ? (null, timeProblem) : (new EventDraft
        {
            Title = Title!.Trim(),
            Description = Description!.Trim(),
            WardId = ward,
            Place = Place!.Trim(),
            StartsAt = start,
            EndsAt = end,
            Reminders = [.. Reminders.Where(EventReminders.Offered.Contains).Distinct()],
        }, null);
    }

    /// <summary>A start to come within a year and an end after it, as the chat's /event and its "move" read them.</summary>
    public static (DateTime Start, DateTime End, string? Problem) Times(string? start, string? end, DateTime now, string language, Func<string, object?[], string> t)
    {
        if (ConsoleDateTime.Read(start) is not { } from)
        {
            return (default, default, t("ev_start_missing", []));
        }

        if (from <= now)
        {
            return (default, default, t("ev_start_past", [LocalTime.Format(from, language)]));
        }

        if (from > now.AddYears(1))
        {
            return (default, default, t("ev_start_far", []));
        }

        return ConsoleDateTime.Read(end) is { } to && to > from ? (from, to, null) : (default, default, t("ev_end_invalid", []));
    }
}
