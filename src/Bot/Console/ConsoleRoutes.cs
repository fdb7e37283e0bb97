using Antq.Core.Conversations;

namespace Antq.Bot.WebConsole;

/// <summary>/console from an officer on any channel: answered with a one-time sign-in link to the web console.</summary>
public sealed class ConsoleRoutes : IInputRoute
{
    public static readonly CommandDescriptor Console = new("console", CommandAudience.Officers, 205);

    public IReadOnlyList<CommandDescriptor> Commands => [Console];

    public Turn? Route(FlowContext context, Command? command, IFlow? current) =>
        command?.Name == Console.Name ? new Turn { StateChanged = false, Changes = [new IssueConsoleLink()] } : null;
}

/// <summary>Makes a one-time sign-in link for the officer who asked, replacing any link they had before.</summary>
public sealed record IssueConsoleLink : DomainChange;
