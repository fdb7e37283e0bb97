using Antq.Core.Conversations;

namespace Antq.Core.Broadcasts;

/// <summary>
/// The buttons of the /broadcast flow (<c>bctopic:fire</c>, <c>bcward:ID</c>, <c>bcwhen:later</c>, <c>bcday:4</c>,
/// <c>bc:send</c>…), built and read by <see cref="BroadcastFlow"/> from this one table, so a renamed prefix cannot
/// silently stop a step. Whether the value is offered is the flow's question, not the codec's.
/// </summary>
public sealed record BroadcastDraftButton(BroadcastDraftField Field, string Value)
{
    private static readonly Dictionary<BroadcastDraftField, string> Prefixes = new()
    {
        [BroadcastDraftField.Topic] = "bctopic:",
        [BroadcastDraftField.Ward] = "bcward:",
        [BroadcastDraftField.Audience] = "bcaudience:",
        [BroadcastDraftField.Unit] = "bcunit:",
        [BroadcastDraftField.Language] = "bclang:",
        [BroadcastDraftField.When] = "bcwhen:",
        [BroadcastDraftField.Repeat] = "bcrepeat:",
        [BroadcastDraftField.Day] = "bcday:",
        [BroadcastDraftField.Preview] = "bc:",
    };

    public string Data => Prefixes[Field] + Value;

    /// <summary>The button in <paramref name="data"/>; null when it is not a button of the /broadcast flow.</summary>
    public static BroadcastDraftButton? Parse(string? data)
    {
        foreach (var (field, prefix) in Prefixes)
        {
            if (data?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                return new BroadcastDraftButton(field, data[prefix.Length..]);
            }
        }

        return null;
    }

    /// <summary>The value of the pressed button when it chooses <paramref name="field"/>; else null.</summary>
    public static string? ValueOf(FlowContext context, BroadcastDraftField field) =>
        Parse(Navigation.ButtonData(context)) is { } button && button.Field == field ? button.Value : null;
}
