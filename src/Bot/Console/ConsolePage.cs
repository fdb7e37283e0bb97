using Antq.Core.Conversations;
using Antq.Core.Officers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Antq.Bot.WebConsole;

/// <summary>What every console page has: the officer signed in (read from their row on this request) and the wording.</summary>
public abstract class ConsolePage(ConsoleTexts texts) : PageModel
{
    public string Language => ConsoleTexts.LanguageOf(HttpContext);

    /// <summary>The signed-in officer; pages that allow anonymous visitors check <see cref="SignedIn"/> first.</summary>
    public Officer Officer => ConsoleSession.Current(HttpContext) ?? throw new InvalidOperationException("No officer is signed in.");

    public bool SignedIn => ConsoleSession.Current(HttpContext) is not null;

    public string T(string key, params object?[] args) => texts.Get(Language, key, args);

    /// <summary>
    /// Every console action's shape: out of the officer's scope is 404 (read or posted alike), bad input is the page
    /// again with its problem (<paramref name="refuse"/>, a 400), otherwise the chat's own change runs and the officer
    /// is sent to <paramref name="then"/>, where the chat's answer shows.
    /// </summary>
    protected async Task<IActionResult> ActAsync(ConsoleActions actions, bool inScope, string? problem, Func<string, Task<IActionResult>> refuse, Func<DomainChange> change, string then)
    {
        if (!inScope)
        {
            return NotFound();
        }

        if (problem is not null)
        {
            return await refuse(problem);
        }

        TempData["done"] = await actions.RunAsync(Officer, change(), HttpContext.RequestAborted);
        return Redirect(then);
    }
}
