using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>/console: how to sign in for a visitor; the officer's tips for an officer.</summary>
public sealed class IndexModel(ConsoleTexts texts, IDbContextFactory<AntqDb> dbFactory) : ConsolePage(texts)
{
    public bool Ended { get; private set; }

    public string? Missing { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? ended)
    {
        Ended = ended is not null;
        if (!SignedIn || string.IsNullOrWhiteSpace(code))
        {
            return Page();
        }

        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        if (await ConsoleTip.LoadAsync(db, Officer, code, HttpContext.RequestAborted) is { } found)
        {
            return Redirect("/console/tips/" + found.Tip.Code);
        }

        Missing = code.Trim();
        return Page();
    }

    /// <summary>The console's language, kept a year in a cookie of its own (Vietnamese without it).</summary>
    public IActionResult OnPostLanguage(string? lang, string? back)
    {
        if (Languages.IsSupported(lang))
        {
            Response.Cookies.Append(ConsoleTexts.LanguageCookie, lang!, new CookieOptions
            {
                Path = ConsoleRegistration.Path, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, MaxAge = TimeSpan.FromDays(365),
            });
        }

        return LocalRedirect(back is { Length: > 0 } && back.StartsWith(ConsoleRegistration.Path, StringComparison.Ordinal) ? back : ConsoleRegistration.Path);
    }
}
