using Antq.Core.Officers;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A console page for admins only: to an officer it does not exist (404, read or posted), as another ward's tip does
/// not, so the admin pages cannot even be told apart from a wrong address.
/// </summary>
public abstract class AdminPage(ConsoleTexts texts) : ConsolePage(texts)
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (ConsoleSession.Current(HttpContext) is not { Role: OfficerRole.Admin })
        {
            context.Result = NotFound();
        }
    }

    /// <summary>A channel by the name its users know it by.</summary>
    public string Channel(string channel) => channel switch
    {
        "telegram" => "Telegram",
        "zalo" => "Zalo",
        "webchat" => T("adm_channel_webchat"),
        _ => channel,
    };
}
