namespace Antq.Core.Conversations;

/// <summary>Who a command is for: everyone who writes to the bot, or residents who signed up.</summary>
public enum CommandAudience
{
    Everyone,
    Residents,
}

/// <summary>
/// A command as people see it: its name, who may use it, and its descriptions, which live in the text catalog as
/// <c>command.{name}.menu</c> (the short line of a channel's command menu), <c>command.{name}.help</c> (its line in
/// <c>/help</c>) and, when it takes one, <c>command.{name}.argument</c> (what to write after it).
/// </summary>
public sealed record CommandDescriptor(string Name, CommandAudience Audience, bool TakesArgument = false)
{
    public string MenuKey => $"command.{Name}.menu";

    public string HelpKey => $"command.{Name}.help";

    public string ArgumentKey => $"command.{Name}.argument";
}
