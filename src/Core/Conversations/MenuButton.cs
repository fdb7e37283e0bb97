namespace Antq.Core.Conversations;

/// <summary>
/// A command as a button (<c>menu:tip</c>, <c>menu:cancel</c>…, as in buttons already sent to chats): pressing it is
/// typing the command. Offered by the main menu, the officers' home and the answers that lead back to them, read by
/// <see cref="Command.Parse"/>, built and parsed here only.
/// </summary>
public sealed record MenuButton(string Command)
{
    private const string Prefix = "menu:";

    /// <summary>"Main menu", under answers.</summary>
    public static readonly MenuButton Menu = new("menu");

    /// <summary>"Cancel", under every step of a flow: /cancel as a button.</summary>
    public static readonly MenuButton Cancel = new("cancel");

    public string Data => Prefix + Command;

    /// <summary>The command in <paramref name="data"/>; null when it is not a command button.</summary>
    public static MenuButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true ? new MenuButton(data[Prefix.Length..]) : null;
}
