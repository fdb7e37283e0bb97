using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// /console/pledges: the campaign year's coverage by unit (the chat's /coverage table) for the officer's ward, or the
/// city for an admin; its CSV; and the paper-pledge upload, checked row by row and imported all or nothing through the
/// domain change the handler applies in the writer's turn. Another ward by URL is 404.
/// </summary>
public sealed class PledgesModel(
    ConsoleTexts texts,
    IDbContextFactory<AntqDb> dbFactory,
    AreaTree areas,
    PledgeCatalog catalog,
    PaperPledgeImport import,
    TextCatalog coreTexts,
    ConsoleActions actions) : ConsolePage(texts)
{
    /// <summary>About ten thousand rows: the import runs in the single writer's turn, so a file is kept to what a ward types in.</summary>
    public const int MaxUploadBytes = 1024 * 1024;

    public CoverageReport Report { get; private set; } = null!;

    /// <summary>The ward shown; null for the whole city (an admin).</summary>
    public Ward? Ward { get; private set; }

    public int Year { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The bad rows of a refused upload, each with its line.</summary>
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public int UploadRows { get; private set; }

    public PledgeCatalog Catalog => catalog;

    public string CityName => areas.CityName;

    public bool IsAdmin => Officer.Role == OfficerRole.Admin;

    /// <summary>The wards an admin may choose among (an officer has their own only, so no choice).</summary>
    public IReadOnlyList<Ward> Wards => areas.Wards;

    /// <summary>This campaign and the nine before it, and the year shown if it is older.</summary>
    public IEnumerable<int> Years => Enumerable.Range(0, 10).Select(i => catalog.Campaign.Year - i).Append(Year).Distinct().OrderDescending();

    public string Describe(ImportProblem problem) => problem.Describe(coreTexts, Language);

    public string CsvLink => "/console/pledges?handler=Csv&year=" + Year.ToString(CultureInfo.InvariantCulture) + (IsAdmin && Ward is not null ? "&ward=" + Uri.EscapeDataString(Ward.Id) : "");

    public async Task<IActionResult> OnGetAsync(string? year, string? ward)
    {
        if (!InScope(ward))
        {
            return NotFound();
        }

        if (!TryYear(year))
        {
            Problem = T("pl_bad_year", year);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? year, string? ward)
    {
        if (!InScope(ward))
        {
            return NotFound();
        }

        if (!TryYear(year))
        {
            return BadRequest(T("pl_bad_year", year));
        }

        await LoadAsync();
        return File(CoverageCsv.Bytes(Report), "text/csv; charset=utf-8", CoverageCsv.FileName(Year, Ward?.Id));
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, string? ward)
    {
        if (!InScope(ward))
        {
            return NotFound();
        }

        Year = catalog.Campaign.Year;
        var (bytes, problem) = await ReadAsync(file);
        if (problem is null)
        {
            if (Problems.Count == 0)
            {
                TempData["done"] = await actions.RunAsync(Officer, new ImportPaperPledges(bytes!, Language), HttpContext.RequestAborted);
                return Redirect("/console/pledges" + (IsAdmin && Ward is not null ? "?ward=" + Uri.EscapeDataString(Ward.Id) : ""));
            }

            problem = T("pl_upload_refused", Problems.Count, UploadRows);
        }

        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    /// <summary>The file, checked as the import will check it (in the officer's scope); a problem with the file as a whole, or <see cref="Problems"/>.</summary>
    private async Task<(byte[]? Bytes, string? Problem)> ReadAsync(IFormFile? file)
    {
        if (file is not { Length: > 0 })
        {
            return (null, T("pl_upload_none"));
        }

        if (file.Length > MaxUploadBytes)
        {
            return (null, T("pl_upload_too_large", MaxUploadBytes / 1024));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var bytes = buffer.ToArray();
        try
        {
            PaperPledgeImport.Decode(bytes);
        }
        catch (FormatException)
        {
            return (null, T("pl_upload_not_utf8"));
        }

        try
        {
            var check = import.Check(bytes, IsAdmin ? null : Ward);
            (Problems, UploadRows) = (check.Problems, check.Rows);
            return (bytes, null);
        }
        catch (FormatException)
        {
            return (null, T("pl_upload_header", PaperPledgeImport.Header));
        }
    }

    /// <summary>An officer sees their ward (naming another is 404); an admin the city or any ward they name.</summary>
    private bool InScope(string? ward)
    {
        var named = string.IsNullOrWhiteSpace(ward) ? null : areas.FindWard(ward);
        if (IsAdmin)
        {
            Ward = named;
            return named is not null || string.IsNullOrWhiteSpace(ward);
        }

        Ward = areas.FindWard(Officer.WardId ?? "");
        return Ward is not null && (string.IsNullOrWhiteSpace(ward) || named?.Id == Ward.Id);
    }

    private bool TryYear(string? year)
    {
        Year = catalog.Campaign.Year;
        if (string.IsNullOrWhiteSpace(year))
        {
            return true;
        }

        if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen is >= 2000 and <= 2100)
        {
            Year = chosen;
            return true;
        }

        return false;
    }

    private async Task LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        Report = await PledgeCoverage.BuildAsync(db, areas, catalog, Year, Ward, HttpContext.RequestAborted);
    }
}
