using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>/console: how to sign in, for a visitor; for an officer, the tips queue of their scope, filtered and paged.</summary>
public sealed class IndexModel(ConsoleTexts texts, TipQueue queue, TipCard card, TipCatalog catalog, AreaTree areas, TimeProvider time) : ConsolePage(texts)
{
    public const int PageSize = 25;

    public bool Ended { get; private set; }

    public TipQueuePage Queue { get; private set; } = null!;

    public TipQueueFilter Filter { get; private set; } = new();

    public DateTime Now { get; private set; }

    public TipCatalog Catalog => catalog;

    public AreaTree Areas => areas;

    /// <summary>The wards an officer may choose among: one for an officer, every ward for an admin.</summary>
    public IEnumerable<Ward> Wards => Officer.Role == OfficerRole.Admin ? areas.Wards : areas.Wards.Where(w => w.Id == Officer.WardId);

    public bool Filtered { get; private set; }

    public async Task<IActionResult> OnGetAsync(TipStatus? status, string? category, string? ward, string? unit, DateOnly? from, DateOnly? to, bool files, bool mine, string? q, int p = 1, string? ended = null)
    {
        Ended = ended is not null;
        if (!SignedIn)
        {
            return Page();
        }

        Filter = new TipQueueFilter
        {
            Status = status,
            CategoryId = Blank(category),
            WardId = Blank(ward),
            UnitId = Blank(unit),
            From = from,
            To = to,
            WithAttachments = files,
            AssignedToMe = mine,
            Search = Blank(q),
            Page = Math.Max(1, p),
            PageSize = PageSize,
        };
        Filtered = Filter with { Page = 1 } != new TipQueueFilter { PageSize = PageSize };
        Now = time.GetUtcNow().UtcDateTime;
        Queue = await queue.ReadAsync(Officer, Filter, HttpContext.RequestAborted);
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

    public string Status(TipStatus status) => card.StatusName(status, Language);

    public string Place(TipQueueRow row) =>
        areas.FindUnit(row.UnitId ?? "")?.Name is { } unit
            ? unit + (Officer.Role == OfficerRole.Admin ? ", " + areas.FindWard(row.WardId)?.Name : "")
            : areas.FindWard(row.WardId)?.Name ?? row.WardId;

    public string Duration(TimeSpan span) => ConsoleDuration.Say(span, T);

    /// <summary>This page's address with <paramref name="name"/> set to <paramref name="value"/> (null: removed); a new filter starts at page 1.</summary>
    public string With(string name, string? value)
    {
        var query = Request.Query.Where(p => p.Key != name && p.Key != "p" && p.Key != "ended").ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        if (value is not null)
        {
            query[name] = value;
        }

        return QueryHelpers.AddQueryString(ConsoleRegistration.Path, query);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
