namespace Antq.Core.Conversations;

/// <summary>
/// The command this turn runs, as the router recognises it (an alias or a menu button gives the command's own name),
/// put among the turn's facts before they load, so that a facts loader reads what the turn does instead of parsing
/// the input again. <see cref="Name"/> is null for a command nobody declared.
/// </summary>
public sealed record TurnCommand(Command Command, string? Name)
{
    public bool Runs(CommandDescriptor command) => Name == command.Name;
}
