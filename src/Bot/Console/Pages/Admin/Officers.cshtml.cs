using Antq.Core.Areas;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages.Admin;

/// <summary>
/// /console/admin/officers: who may act as an officer, on which channel, for which ward. Adding, changing and removing
/// are the operator's <see cref="OfficerRegistry"/> (as <c>officers add|remove</c>), run by the single writer; an
/// invitation code is the chat's <c>/invite</c> (<see cref="CreateInvitation"/>). A changed or removed officer's
/// console session ends on their next request (<see cref="ConsoleSession"/>).
/// </summary>
public sealed class OfficersModel(ConsoleTexts texts, IDbContextFactory<AntqDb> dbFactory, GroupWriter writer, ConsoleActions actions, AreaTree areas, TimeProvider time) : AdminPage(texts)
{
    public const string PagePath = "/console/admin/officers";

    public IReadOnlyList<Officer> Officers { get; private set; } = [];

    public AreaTree Areas => areas;

    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string? channel, string? id, string? name, OfficerRole role, string? ward)
    {
        (channel, id, name) = (channel?.Trim() ?? "", id?.Trim() ?? "", name?.Trim() ?? "");
        var wardId = role == OfficerRole.Admin ? null : areas.FindWard(ward ?? "")?.Id;
        var problem = !RoleGiven(role) ? T("adm_role_invalid")
            : !OfficerAccount.IsValid(channel, id) ? T("adm_id_invalid")
            : name.Length is < 2 or > 100 ? T("adm_name_invalid")
            : role == OfficerRole.Officer && wardId is null ? T("adm_ward_needed")
            : channel == Officer.Channel && id == Officer.ExternalUserId ? T("adm_self")
            : null;
        if (problem is not null)
        {
            return await RefusedAsync(problem);
        }

        var added = await writer.WriteAsync((scope, ct) => new OfficerRegistry(scope.Db, time).AddAsync(channel, id, name, role, wardId, ct));
        TempData["done"] = T(added ? "adm_added" : "adm_updated", name);
        return Redirect(PagePath);
    }

    public async Task<IActionResult> OnPostChangeAsync(long officer, OfficerRole role, string? ward)
    {
        var target = await FindAsync(officer);
        if (target is null)
        {
            return NotFound();
        }

        var wardId = role == OfficerRole.Admin ? null : areas.FindWard(ward ?? "")?.Id;
        var problem = target.Id == Officer.Id ? T("adm_self")
            : !RoleGiven(role) ? T("adm_role_invalid")
            : role == OfficerRole.Officer && wardId is null ? T("adm_ward_needed")
            : null;
        if (problem is not null)
        {
            return await RefusedAsync(problem);
        }

        await writer.WriteAsync((scope, ct) => new OfficerRegistry(scope.Db, time).AddAsync(target.Channel, target.ExternalUserId, target.DisplayName, role, wardId, ct));
        TempData["done"] = T("adm_changed", target.DisplayName);
        return Redirect(PagePath);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long officer)
    {
        var target = await FindAsync(officer);
        if (target is null)
        {
            return NotFound();
        }

        if (target.Id == Officer.Id)
        {
            return await RefusedAsync(T("adm_self"));
        }

        await writer.WriteAsync((scope, ct) => new OfficerRegistry(scope.Db, time).RemoveAsync(target.Channel, target.ExternalUserId, ct));
        TempData["done"] = T("adm_removed", target.DisplayName);
        return Redirect(PagePath);
    }

    public async Task<IActionResult> OnPostInviteAsync(OfficerRole role, string? ward)
    {
        var wardId = role == OfficerRole.Admin ? null : areas.FindWard(ward ?? "")?.Id;
        if (!RoleGiven(role) || (role == OfficerRole.Officer && wardId is null))
        {
            return await RefusedAsync(T(RoleGiven(role) ? "adm_ward_needed" : "adm_role_invalid"));
        }

        TempData["done"] = await actions.RunAsync(Officer, new CreateInvitation(role, wardId, OfficerInvitation.Validity), HttpContext.RequestAborted);
        return Redirect(PagePath);
    }

    public string Role(OfficerRole role) => T(role == OfficerRole.Admin ? "adm_role_admin" : "adm_role_officer");

    public string Time(DateTime utc) => LocalTime.Format(utc, Language);

    /// <summary>A role the form named: an unknown one is not bound (it would read as an officer), so it is refused.</summary>
    private bool RoleGiven(OfficerRole role) => ModelState.IsValid && Enum.IsDefined(role);

    private async Task LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        Officers = await new OfficerRegistry(db, time).ListAsync(HttpContext.RequestAborted);
    }

    private async Task<Officer?> FindAsync(long id)
    {
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        return await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, HttpContext.RequestAborted);
    }

    private async Task<IActionResult> RefusedAsync(string problem)
    {
        await LoadAsync();
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
