namespace Antq.Core.Conversations;

/// <summary>A command typed ("/start", "/start@SomeBot") or a main-menu button pressed ("menu:settings").</summary>
public sealed record Command(string Name, string? Argument)
{
    public const int MaxNameLength = 32;

    public static Command? Parse(InboundMessage input)
    {
        if (input.Kind == InboundKind.Button && MenuButton.Parse(input.ButtonData) is { } button)
        {
            return new Command(button.Command, null);
        }

        if (input is not { Kind: InboundKind.Text, Text: { } text })
        {
            return null;
        }

        text = text.Trim();
        if (text.Length < 2 || text[0] != '/')
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\n']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            head = head[..at];
        }

        var argument = space < 0 ? null : text[(space + 1)..].Trim();
        return new Command(head.ToLowerInvariant(), string.IsNullOrEmpty(argument) ? null : argument);
    }
}
