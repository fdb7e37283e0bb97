using System.Text;
using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Bot.Cli;

/// <summary>
/// <c>commands</c>: the residents' command menu of a channel, from the same <see cref="CommandMenu"/> the router
/// dispatches by and <c>/help</c> lists. Telegram's is set by the service itself at start; a Zalo OA's menu is
/// configured by the OA's admin, who copies it from here.
/// </summary>
public static class CommandsVerb
{
    public const string Usage = """
        commands --channel zalo|telegram [--language vi|en]
            Prints the residents' command menu, built from the commands the service runs and their texts, so a
            channel's menu never offers a command the bot does not know. zalo: a menu item per line, its title and
            the message it sends (in the OA's admin, an item of the kind "send a message", oa.query.show); the OA
            menu holds a few items, so keep the ones you want. telegram: "name - description" lines as BotFather's
            /setcommands takes them (the service sets this menu itself at start). --language defaults to vi.
            Needs no database and writes nothing.
        """;

    private static readonly string[] Channels = ["zalo", "telegram"];

    /// <summary>The channel and language asked for; bad input is refused before anything is built.</summary>
    public static (string Channel, string Language) Parse(string[] args)
    {
        var options = CliArguments.Parse(args, ["channel", "language"]);
        var channel = options.Required("channel");
        if (!Channels.Contains(channel))
        {
            throw new CliException($"--channel must be zalo or telegram (got '{channel}')");
        }

        var language = options.Get("language") ?? Languages.Default;
        return Languages.IsSupported(language)
            ? (channel, language)
            : throw new CliException($"--language must be {string.Join(" or ", Languages.All)} (got '{language}')");
    }

    public static string Render(string channel, string language, CommandMenu commands, TextCatalog texts)
    {
        var menu = commands.Menu(texts, language);
        var text = new StringBuilder();
        if (channel == "telegram")
        {
            foreach (var (name, description) in menu)
            {
                text.Append(name).Append(" - ").AppendLine(description);
            }

            return text.ToString();
        }

        var width = menu.Max(c => c.Description.Length) + 2;
        foreach (var (name, description) in menu)
        {
            text.Append(description.PadRight(width)).Append('/').AppendLine(name);
        }

        return text.ToString();
    }
}
