using Antq.Core.Conversations;
using Antq.Core.Texts;

namespace Antq.Core.Residents;

/// <summary>
/// "/language en" (or "vi") at any step: the chat's language changes, through the same change as /settings. The web
/// chat's language switch sends it, so that the page and the conversation speak the same language. The answer is in
/// the new language and asks the current step again (or shows the menu), so the visitor sees the switch at once.
/// </summary>
public sealed class LanguageRoute : IInputRoute
{
    public const string CommandName = "language";

    /// <summary>Sent by the web chat's switch; not offered in menus (/settings is the way in a conversation).</summary>
    public static readonly CommandDescriptor Language = new(CommandName, CommandAudience.Everyone, 300, TakesArgument: true) { Listed = false };

    public IReadOnlyList<CommandDescriptor> Commands => [Language];

    public Turn? Route(FlowContext context, Command? command, IFlow? current)
    {
        if (command is not { Name: CommandName } || context.Facts.Get<Officers.Officer>() is not null)
        {
            return null;
        }

        var language = command.Argument?.Trim().ToLowerInvariant();
        if (language is not (Languages.Vietnamese or Languages.English))
        {
            return Turns.Unchanged(context, current, context.T("language.how"));
        }

        var now = context with { Language = language };
        return Turns.Unchanged(now, current, now.T("language.switched"), [new ChangeResidentLanguage(language)]) with { Language = language };
    }
}
