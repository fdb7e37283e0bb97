using System.Globalization;
using Antq.Core.Conversations;

namespace Antq.Core.Events;

/// <summary>
/// The buttons of the /event flow: a reminder toggle (<c>evremind:MINUTES</c>) and the preview's choice
/// (<c>ev:create</c>, <c>ev:drop</c>), built and read by <see cref="EventFlow"/> from this one place.
/// </summary>
public sealed record EventDraftButton(int? ReminderMinutes, string? PreviewChoice)
{
    private const string RemindPrefix = "evremind:";
    private const string PreviewPrefix = "ev:";

    public static EventDraftButton Reminder(int minutes) => new(minutes, null);

    public static EventDraftButton Preview(string choice) => new(null, choice);

    public string Data => ReminderMinutes is { } minutes ? RemindPrefix + minutes.ToString(CultureInfo.InvariantCulture) : PreviewPrefix + PreviewChoice;

    /// <summary>The button in <paramref name="data"/>; null when it is not a well-formed button of the /event flow.</summary>
    public static EventDraftButton? Parse(string? data) =>
        data?.StartsWith(RemindPrefix, StringComparison.Ordinal) == true
            ? int.TryParse(data[RemindPrefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) ? Reminder(minutes) : null
            : data?.StartsWith(PreviewPrefix, StringComparison.Ordinal) == true ? Preview(data[PreviewPrefix.Length..]) : null;

    /// <summary>The pressed button, when it is one of the /event flow's.</summary>
    public static EventDraftButton? Of(FlowContext context) => Parse(Navigation.ButtonData(context));
}
