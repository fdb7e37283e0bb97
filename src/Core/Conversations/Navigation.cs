namespace Antq.Core.Conversations;

/// <summary>Buttons every flow shares.</summary>
public static class Navigation
{
    public const string BackData = "back";
    public const string DoneData = "done";

    public static Button Back(FlowContext context) => new(context.T("button.back"), BackData);

    public static bool IsBack(FlowContext context) => context.Input is { Kind: InboundKind.Button, ButtonData: BackData };

    public static bool IsDone(FlowContext context) => context.Input is { Kind: InboundKind.Button, ButtonData: DoneData };

    /// <summary>The button data of the input; null when the input is not a button. Button codecs read this.</summary>
    public static string? ButtonData(FlowContext context) => context.Input is { Kind: InboundKind.Button } ? context.Input.ButtonData : null;

    /// <summary>The button data of the input if it starts with <paramref name="prefix"/>, without the prefix.</summary>
    public static string? ButtonArgument(FlowContext context, string prefix) =>
        context.Input is { Kind: InboundKind.Button, ButtonData: { } data } && data.StartsWith(prefix, StringComparison.Ordinal)
            ? data[prefix.Length..]
            : null;

    /// <summary>Lays buttons out in rows of <paramref name="perRow"/>.</summary>
    public static List<IReadOnlyList<Button>> Rows(IEnumerable<Button> buttons, int perRow) =>
        buttons.Chunk(perRow).Select(r => (IReadOnlyList<Button>)r).ToList();

    /// <summary>Why the input did not fit a step that wants a button.</summary>
    public static string WhyNotAButton(FlowContext context) => context.Input.Kind switch
    {
        InboundKind.Button => context.T("error.old_button"),
        InboundKind.Text => context.T("error.use_buttons"),
        _ => context.T("error.unsupported_here"),
    };
}
