using System.Globalization;
using System.Security.Claims;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A console session is a cookie naming the officer with the role, ward and account they had at sign-in. Every request
/// checks it against the officer's row: removed, or their role, ward or account changed, and the session ends at once.
/// </summary>
public static class ConsoleSession
{
    public const string Scheme = "AntqConsole";

    private const string RoleClaim = "antq:role";
    private const string WardClaim = "antq:ward";
    private const string AccountClaim = "antq:account";

    public static ClaimsPrincipal PrincipalFor(Officer officer) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, officer.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(RoleClaim, officer.Role.ToString()),
            new Claim(WardClaim, officer.WardId ?? ""),
            new Claim(AccountClaim, officer.Channel + ":" + officer.ExternalUserId),
        ],
        Scheme));

    /// <summary>Runs on every request that carries the cookie; keeps the officer's row for the page.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var officer = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await FindAsync(context.HttpContext, id)
            : null;
        if (officer is null || principal is null
            || principal.FindFirstValue(RoleClaim) != officer.Role.ToString()
            || principal.FindFirstValue(WardClaim) != (officer.WardId ?? "")
            || principal.FindFirstValue(AccountClaim) != officer.Channel + ":" + officer.ExternalUserId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }

        context.HttpContext.Items[typeof(Officer)] = officer;
    }

    /// <summary>The signed-in officer as read on this request (the row, not the cookie).</summary>
    public static Officer? Current(HttpContext http) => http.Items.TryGetValue(typeof(Officer), out var officer) ? officer as Officer : null;

    private static async Task<Officer?> FindAsync(HttpContext http, long id)
    {
        var factory = http.RequestServices.GetRequiredService<IDbContextFactory<AntqDb>>();
        await using var db = await factory.CreateDbContextAsync(http.RequestAborted);
        return await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, http.RequestAborted);
    }
}
