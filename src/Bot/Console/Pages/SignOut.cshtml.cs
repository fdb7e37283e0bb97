using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>Ends the session (a form post, so another site cannot sign an officer out).</summary>
public sealed class SignOutModel(ConsoleTexts texts) : ConsolePage(texts)
{
    public IActionResult OnGet() => Redirect(ConsoleRegistration.Path);

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSession.Scheme);
        return Redirect(ConsoleRegistration.Path + "?ended=1");
    }
}
