using Antq.Core.Texts;

namespace Antq.Core.Conversations;

/// <summary>
/// Every command, as the features declare them: the router dispatches by it, and Telegram's command menus and the
/// <c>/help</c> text (shown on every channel, Zalo included) are built from it and the text catalog, so a command
/// cannot be run by one and missing from the other. Residents are offered the resident commands; officers their own
/// (in <see cref="Languages.Officers"/>), which residents never see.
/// </summary>
public sealed class CommandMenu
{
    public CommandMenu(IEnumerable<CommandDescriptor> commands)
    {
        All = [.. commands.OrderBy(c => c.Order)];
        var names = All.SelectMany(c => c.Aliases.Select(a => (Name: a, c.Audience)).Prepend((c.Name, c.Audience))).ToList();
        if (names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"The command /{twice.Key.Name} is declared twice for the same audience.");
        }
    }

    /// <summary>Every command, in the order people see them.</summary>
    public IReadOnlyList<CommandDescriptor> All { get; }

    /// <summary>What residents (and everyone who is not an officer) are offered.</summary>
    public IReadOnlyList<CommandDescriptor> ForResidents => [.. All.Where(c => c.Listed && c.Audience is CommandAudience.Everyone or CommandAudience.Residents)];

    /// <summary>What an officer is offered: their commands (an admin's too, for an admin) and the everyday ones.</summary>
    public IReadOnlyList<CommandDescriptor> ForOfficers(bool admin) => [.. All.Where(c => c.Listed && (c.IsForOfficers(admin) || c.ForOfficersToo))];

    /// <summary>The commands answering to <paramref name="name"/> (a name or an alias): one, or one per audience (/events).</summary>
    public IReadOnlyList<CommandDescriptor> Find(string name) => [.. All.Where(c => c.Answers(name))];

    /// <summary>The residents' command menu in <paramref name="language"/>: each command's name and short description.</summary>
    public IReadOnlyList<(string Name, string Description)> Menu(TextCatalog texts, string language) => Lines(ForResidents, texts, language);

    /// <summary>An officer's command menu, in the officers' language.</summary>
    public IReadOnlyList<(string Name, string Description)> OfficerMenu(TextCatalog texts, bool admin) => Lines(ForOfficers(admin), texts, Languages.Officers);

    /// <summary>The <c>/help</c> text in <paramref name="language"/>: a line per command, then the emergency numbers.</summary>
    public string Help(TextCatalog texts, string language) => HelpText(ForResidents, texts, language, "help.header", null);

    /// <summary>An officer's <c>/help</c>, in the officers' language; <paramref name="openTips"/>, when known, is shown beside /tips.</summary>
    public string OfficerHelp(TextCatalog texts, bool admin, int? openTips) =>
        HelpText(ForOfficers(admin), texts, Languages.Officers, "help.officer_header", openTips);

    private static List<(string Name, string Description)> Lines(IEnumerable<CommandDescriptor> commands, TextCatalog texts, string language) =>
        [.. commands.Select(c => (c.Name, texts.Get(language, c.MenuKey)))];

    private static string HelpText(IEnumerable<CommandDescriptor> commands, TextCatalog texts, string language, string headerKey, int? openTips) =>
        texts.Get(language, headerKey) + "\n"
        + string.Join("\n", commands.Select(c => "/" + c.Name + (c.TakesArgument ? " " + texts.Get(language, c.ArgumentKey) : "") + " — " + texts.Get(language, c.HelpKey)
            + (c.Name == "tips" && openTips is { } count ? texts.Get(language, "help.open_tips_count", count) : "")))
        + "\n\n" + texts.Get(language, "help.footer");
}
