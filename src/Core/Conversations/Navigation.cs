namespace Antq.Core.Conversations;

/// <summary>Buttons every flow shares.</summary>
public static class Navigation
{
    public const string BackData = "back";
    public const string DoneData = "done";

    /// <summary>
    /// "Cancel" is the /cancel command as a button (a main-menu entry), so it leaves any flow at any step exactly as
    /// typing /cancel does, before the flow sees it.
    /// </summary>
    public static readonly string CancelData = MenuButton.Cancel.Data;

    public static Button Back(FlowContext context) => new(context.T("button.back"), BackData);

    public static Button Cancel(FlowContext context) => new(context.T("button.cancel"), CancelData);

    /// <summary>The row under every step of a flow: back to the previous step (what was chosen is kept) and cancel.</summary>
    public static IReadOnlyList<Button> BackAndCancel(FlowContext context) => [Back(context), Cancel(context)];

    /// <summary>The row under a flow's first step, which has nothing to go back to.</summary>
    public static IReadOnlyList<Button> CancelOnly(FlowContext context) => [Cancel(context)];

    /// <summary><paramref name="message"/> with one more row of buttons under its own (a preview's "« Back").</summary>
    public static OutgoingMessage WithRow(OutgoingMessage message, IReadOnlyList<Button> row) =>
        message with { Buttons = [.. message.Buttons, row] };

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

    /// <summary>Why the input did not fit a step that wants a button (an officer is addressed as "đồng chí").</summary>
    public static string WhyNotAButton(FlowContext context)
    {
        var officer = context.Facts.Get<Officers.Officer>() is not null;
        return context.Input.Kind switch
        {
            InboundKind.Button => context.T(officer ? "error.old_button_officer" : "error.old_button"),
            InboundKind.Text => context.T(officer ? "error.use_buttons_officer" : "error.use_buttons"),
            _ => context.T("error.unsupported_here"),
        };
    }
}
