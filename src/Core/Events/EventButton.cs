using System.Globalization;

namespace Antq.Core.Events;

/// <summary>
/// The officers' buttons under each event in the events list: <c>evmove:12</c> and <c>evcancel:12</c>, as in
/// buttons already sent to chats. Built and read here only, so the list and <see cref="EventRoutes"/> cannot drift apart.
/// </summary>
public sealed record EventButton(EventAction Action, long EventId)
{
    private const string MovePrefix = "evmove:";
    private const string CancelPrefix = "evcancel:";

    public string Data => (Action == EventAction.Move ? MovePrefix : CancelPrefix) + EventId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The action in <paramref name="data"/>; null when it is not a well-formed event button.</summary>
    public static EventButton? Parse(string? data) =>
        data?.StartsWith(MovePrefix, StringComparison.Ordinal) == true ? Read(EventAction.Move, data[MovePrefix.Length..])
        : data?.StartsWith(CancelPrefix, StringComparison.Ordinal) == true ? Read(EventAction.Cancel, data[CancelPrefix.Length..])
        : null;

    private static EventButton? Read(EventAction action, string id) =>
        long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var eventId) ? new EventButton(action, eventId) : null;
}
