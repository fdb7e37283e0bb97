using Antq.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// The sign-in link. Opening it (GET) spends nothing: messengers fetch links to preview them, and that must not use
/// the link up. The button posts it (with the form token), which spends it and starts the session.
/// </summary>
public sealed class SignInModel(ConsoleTexts texts, ConsoleLinks links, IDbContextFactory<AntqDb> dbFactory) : ConsolePage(texts)
{
    public bool Refused { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var officerId = await links.RedeemAsync(token, HttpContext.RequestAborted);
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        var officer = officerId is { } id ? await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, HttpContext.RequestAborted) : null;
        if (officer is null)
        {
            Refused = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleSession.Scheme, ConsoleSession.PrincipalFor(officer), new AuthenticationProperties { IsPersistent = false });
        return Redirect(ConsoleRegistration.Path);
    }
}
