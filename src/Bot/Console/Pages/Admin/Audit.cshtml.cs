using Antq.Core.Areas;
using Antq.Core.Audit;
using Antq.Core.Locale;
using Antq.Core.Tips;
using Microsoft.AspNetCore.WebUtilities;

namespace Antq.Bot.WebConsole.Pages.Admin;

/// <summary>
/// /console/admin/audit: the audit log (<see cref="AuditLog"/>) — who did what to which tip, question or broadcast,
/// from the chat and the console alike (one trail: both write the same rows), searchable, paged.
/// </summary>
public sealed class AuditModel(ConsoleTexts texts, AuditLog log, AreaTree areas, TipCard card) : AdminPage(texts)
{
    public const int PageSize = 50;

    public AuditPage Log { get; private set; } = null!;

    public AuditFilter Filter { get; private set; } = new();

    public AreaTree Areas => areas;

    public int Pages => Math.Min(AuditLog.MaxPage, Math.Max(1, (Log.Total + Log.PageSize - 1) / Log.PageSize));

    public async Task OnGetAsync(string? q, AuditAction? action, string? ward, DateOnly? from, DateOnly? to, int p = 1)
    {
        Filter = new AuditFilter
        {
            Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
            Action = action is { } a && Enum.IsDefined(a) ? a : null,
            WardId = string.IsNullOrWhiteSpace(ward) ? null : ward,
            From = from,
            To = to,
            Page = Math.Clamp(p, 1, AuditLog.MaxPage),
            PageSize = PageSize,
        };
        Log = await log.ReadAsync(Officer, Filter, HttpContext.RequestAborted);
    }

    public string Action(AuditAction action) => T("adm_action_" + action);

    public string Time(DateTime utc) => LocalTime.Format(utc, Language);

    /// <summary>What the entry changed, in a few words: the new status, who was given the tip, or the text written.</summary>
    public string? Detail(AuditEntry entry) => entry switch
    {
        { Action: AuditAction.TipStatusChanged, ToStatus: { } to } => card.StatusName(to, Language) + (entry.Detail is { } note ? " — " + note : ""),
        { Action: AuditAction.TipAssigned } => T("adm_assigned_to", entry.AssigneeName ?? "—"),
        { Action: AuditAction.TipSubmitted } => null,
        _ => entry.Detail,
    };

    /// <summary>This page's address with <paramref name="name"/> set to <paramref name="value"/>; a new filter starts at page 1.</summary>
    public string With(string name, string value)
    {
        var query = Request.Query.Where(p => p.Key != name && p.Key != "p").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        query[name] = value;
        return QueryHelpers.AddQueryString("/console/admin/audit", query);
    }
}
