using Antq.Core.Officers;
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
}
