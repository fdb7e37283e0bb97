namespace Antq.Core.Conversations;

/// <summary>
/// A command as people see it, declared by the feature that runs it (<see cref="IInputRoute.Commands"/>): its name,
/// other names it answers to, who may run it, and its descriptions, which live in the text catalog as
/// <c>command.{name}.menu</c> (the short line of a channel's command menu), <c>command.{name}.help</c> (its line in
/// <c>/help</c>) and, when it takes one, <c>command.{name}.argument</c> (what to write after it).
/// </summary>
/// <param name="Order">Where it is listed, lower first; features leave gaps so that a new command fits between.</param>
public sealed record CommandDescriptor(string Name, CommandAudience Audience, int Order, bool TakesArgument = false)
{
    /// <summary>Other names that run it ("/home" for "/menu"); never listed.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>False for a command that works but is not offered in menus or <c>/help</c> (/join, /faq).</summary>
    public bool Listed { get; init; } = true;

    /// <summary>An everyday command also listed in the officers' menu and help (/menu, /cancel, /help).</summary>
    public bool ForOfficersToo { get; init; }

    /// <summary>The name its texts are kept under, when two audiences share a name (/events).</summary>
    public string? TextsName { get; init; }

    public string MenuKey => $"command.{TextsName ?? Name}.menu";

    public string HelpKey => $"command.{TextsName ?? Name}.help";

    public string ArgumentKey => $"command.{TextsName ?? Name}.argument";

    public bool Answers(string name) => Name == name || Aliases.Contains(name);

    /// <summary>Offered to officers (of <paramref name="admin"/> rank or not) rather than to residents.</summary>
    public bool IsForOfficers(bool admin) => Audience == CommandAudience.Officers || (Audience == CommandAudience.Admins && admin);
}
