using Antq.Core.Texts;

namespace Antq.Core.Conversations;

/// <summary>
/// The commands residents are offered, described once: Telegram's command menu and the <c>/help</c> text (shown
/// on every channel, Zalo included) are both built from this list and the text catalog, so a command cannot be
/// in one and missing from the other. The order is the order people see.
/// </summary>
public static class CommandMenu
{
    public static readonly IReadOnlyList<CommandDescriptor> Commands =
    [
        new("start", CommandAudience.Everyone),
        new("menu", CommandAudience.Everyone),
        new("tip", CommandAudience.Residents),
        new("status", CommandAudience.Residents, TakesArgument: true),
        new("pledge", CommandAudience.Residents),
        new("mypledges", CommandAudience.Residents),
        new("events", CommandAudience.Residents),
        new("info", CommandAudience.Residents),
        new("ask", CommandAudience.Residents),
        new("notices", CommandAudience.Residents),
        new("settings", CommandAudience.Residents),
        new("privacy", CommandAudience.Everyone),
        new("delete_me", CommandAudience.Everyone),
        new("cancel", CommandAudience.Everyone),
        new("help", CommandAudience.Everyone),
    ];

    /// <summary>The command menu in <paramref name="language"/>: each command's name and short description.</summary>
    public static IReadOnlyList<(string Name, string Description)> Menu(TextCatalog texts, string language) =>
        [.. Commands.Select(c => (c.Name, texts.Get(language, c.MenuKey)))];

    /// <summary>The <c>/help</c> text in <paramref name="language"/>: a line per command, then the emergency numbers.</summary>
    public static string Help(TextCatalog texts, string language) =>
        texts.Get(language, "help.header") + "\n"
        + string.Join("\n", Commands.Select(c => "/" + c.Name + (c.TakesArgument ? " " + texts.Get(language, c.ArgumentKey) : "") + " — " + texts.Get(language, c.HelpKey)))
        + "\n\n" + texts.Get(language, "help.footer");
}
