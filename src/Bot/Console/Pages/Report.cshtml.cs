using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Core.Texts;
using Antq.Core.Tips;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// /console/report: the summary (tổng kết) of a period and an area, as /report makes it (the same builder, text, chart
/// and files), with its charts drawn in the page and its Excel workbook, CSV, JSON and PNG to download. An officer reads their ward and
/// its units (anything else is 404, as a tip of another ward); an admin any ward, unit or the city.
/// </summary>
public sealed class ReportModel(
    ConsoleTexts texts,
    IDbContextFactory<AntqDb> dbFactory,
    AreaTree areas,
    TextCatalog coreTexts,
    TipCatalog tips,
    PledgeCatalog pledges,
    IOptions<ReportOptions> options,
    IChartRenderer charts,
    TimeProvider time) : ConsolePage(texts)
{
    /// <summary>Longer than this and the page would count decades of deliveries on one request.</summary>
    public const int MaxYears = 20;

    /// <summary>The report's files as the chat gives them (the workbook in the officer's language); set with <see cref="Report"/>.</summary>
    private SummaryAttachments? _attachments;

    private DateTime _now;

    public SummaryReport? Report { get; private set; }

    public string? Problem { get; private set; }

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    /// <summary>The area chosen, as the form holds it: a ward or unit id, empty for the officer's own area.</summary>
    public string Area { get; private set; } = "";

    public string CityName => areas.CityName;

    public bool IsAdmin => Officer.Role == OfficerRole.Admin;

    /// <summary>What the area list offers: every ward for an admin; the officer's ward and its units otherwise.</summary>
    public IReadOnlyList<Ward> Wards => IsAdmin ? areas.Wards : [.. areas.Wards.Where(w => w.Id == Officer.WardId)];

    public string Text { get; private set; } = "";

    public SummaryChart? Chart { get; private set; }

    public SummaryChart? WardChart { get; private set; }

    public string Link(string handler) => "/console/report?handler=" + handler + "&from=" + Uri.EscapeDataString(From) + "&to=" + Uri.EscapeDataString(To)
        + (Area.Length > 0 ? "&area=" + Uri.EscapeDataString(Area) : "");

    public string Number(int n) => n.ToString("N0", CultureInfo.GetCultureInfo(Language == "en" ? "en-US" : "vi-VN"));

    public async Task<IActionResult> OnGetAsync(string? from, string? to, string? area) =>
        await PrepareAsync(from, to, area, download: false) is { } refused ? refused : Page();

    public async Task<IActionResult> OnGetXlsxAsync(string? from, string? to, string? area) =>
        await PrepareAsync(from, to, area, download: true) is { } refused ? refused : Download(_attachments!.Workbook(Report!, _now), SummaryWorkbook.MediaType, "xlsx");

    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, string? area) =>
        await PrepareAsync(from, to, area, download: true) is { } refused ? refused : Download(SummaryCsv.Bytes(Report!), "text/csv; charset=utf-8", "csv");

    public async Task<IActionResult> OnGetJsonAsync(string? from, string? to, string? area) =>
        await PrepareAsync(from, to, area, download: true) is { } refused ? refused : Download(System.Text.Encoding.UTF8.GetBytes(SummaryJson.Render(Report!)), "application/json; charset=utf-8", "json");

    public async Task<IActionResult> OnGetPngAsync(string? from, string? to, string? area) =>
        await PrepareAsync(from, to, area, download: true) is { } refused ? refused : Download(charts.RenderPng(Chart!), "image/png", "png");

    private FileContentResult Download(byte[] content, string type, string extension) =>
        File(content, type, SummaryAttachments.FileName(Report!) + "." + extension);

    /// <summary>Reads the period and area and builds the report; a result when the request is refused (404 out of scope; 400 for a bad period, shown on the page).</summary>
    private async Task<IActionResult?> PrepareAsync(string? from, string? to, string? area, bool download)
    {
        var now = _now = time.GetUtcNow().UtcDateTime;
        var year = ReportPeriod.Today(now).Year;
        (From, To, Area) = (Blank(from) ?? $"{year}-01-01", Blank(to) ?? $"{year}-12-31", Blank(area) ?? "");
        var own = ReportScope.Own(Officer, areas);
        var chosen = Area.Length == 0 ? own : ReportArea.Find(areas, Area);
        if (own is null || chosen is null || !ReportScope.Allows(Officer, own, chosen))
        {
            return NotFound();
        }

        Problem = Period(From, To, out var period);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return download ? BadRequest(Problem) : null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        Report = await new SummaryBuilder(db, areas, options.Value.FestivalTitleWords).BuildAsync(period!, chosen, now, HttpContext.RequestAborted);
        var text = new SummaryText(coreTexts, tips, pledges, Language);
        var attachments = _attachments = new SummaryAttachments(coreTexts, text, new SummarySheets(coreTexts, text, tips, pledges, Language), charts, Language);
        Text = text.Render(Report);
        Chart = attachments.Chart(Report);
        WardChart = attachments.WardChart(Report);
        return null;
    }

    /// <summary>Null and the period, or what is wrong with the dates, in the officer's language.</summary>
    private string? Period(string from, string to, out ReportPeriod? period)
    {
        period = null;
        if (!Day(from, out var first))
        {
            return T("rp_bad_date", from);
        }

        if (!Day(to, out var last))
        {
            return T("rp_bad_date", to);
        }

        if (first > last)
        {
            return T("rp_bad_order");
        }

        if (last.Year - first.Year >= MaxYears)
        {
            return T("rp_too_long", MaxYears);
        }

        period = new ReportPeriod(first, last);
        return null;
    }

    private static bool Day(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day.Year is >= 2000 and <= 2100;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
