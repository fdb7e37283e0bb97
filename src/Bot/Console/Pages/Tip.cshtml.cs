using Antq.Core.Areas;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Locale;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// A tip's page: every field, attachments, the thread, and the actions the chat offers (take, change the status with a
/// note, reply to the tipster), each run as the chat's own domain change. Another ward's tip is 404, read or posted.
/// </summary>
public sealed class TipModel(ConsoleTexts texts, IDbContextFactory<AntqDb> dbFactory, ConsoleActions actions, TipCard card, TipCatalog catalog, AreaTree areas, IImageScrubber scrubber, IOptions<ConsoleOptions> options) : ConsolePage(texts)
{
    public const int MaxReplyLength = 2000;

    /// <summary>What an officer may move a tip to from the page (as the chat's buttons: take, verify, not useful, spam, close).</summary>
    public static readonly TipStatus[] Choices = [TipStatus.InProgress, TipStatus.Verified, TipStatus.NotUseful, TipStatus.Spam, TipStatus.Closed];

    public ConsoleTip View { get; private set; } = null!;

    public string? Problem { get; private set; }

    public AreaTree Areas => areas;

    /// <summary>The officers a tip may be given to: those of its ward, and the admins.</summary>
    public IReadOnlyList<Antq.Core.Officers.Officer> Assignees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code) => await LoadAsync(code) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTakeAsync(string code) =>
        await RunAsync(code, () => new ChangeTipStatus(View.Tip.Code, TipStatus.InProgress));

    public async Task<IActionResult> OnPostStatusAsync(string code, TipStatus to, string? note)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var problem = !Choices.Contains(to) ? T("status_invalid") : note?.Length > MaxReplyLength ? T("note_too_long", MaxReplyLength) : null;
        return await RunAsync(code, () => new ChangeTipStatus(View.Tip.Code, to, note), problem);
    }

    public async Task<IActionResult> OnPostNoteAsync(string code, string? note)
    {
        note = note?.Trim();
        var problem = string.IsNullOrEmpty(note) ? T("note_empty") : note.Length > AddTipNote.MaxLength ? T("note_too_long", AddTipNote.MaxLength) : null;
        return await RunAsync(code, () => new AddTipNote(View.Tip.Id, Officer.Id, note!), problem);
    }

    public async Task<IActionResult> OnPostAssignAsync(string code, long assignee) =>
        await RunAsync(code, () => new AssignTip(View.Tip.Id, Officer.Id, assignee));

    /// <summary>Text, a photo or both. The photo is checked by its bytes and re-encoded (no Exif, GPS or owner) before anything keeps it.</summary>
    public async Task<IActionResult> OnPostReplyAsync(string code, string? text, IFormFile? photo)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var (clean, problem) = photo is { Length: > 0 } ? await ScrubAsync(photo) : (null, null);
        problem ??= text is null && clean is null ? T("reply_empty") : text?.Length > MaxReplyLength ? T("reply_too_long", MaxReplyLength) : null;
        return await RunAsync(code, () => new OfficerReply(View.Tip.Code, text, null, clean), problem);
    }

    private async Task<(byte[]? Clean, string? Problem)> ScrubAsync(IFormFile photo) =>
        await ConsolePhotoUpload.ReadAsync(photo, scrubber, HttpContext.RequestAborted) switch
        {
            (_, ConsolePhotoUpload.UploadProblem.TooLarge) => (null, T("reply_photo_too_large", ConsolePhotoUpload.MaxMegabytes)),
            (_, ConsolePhotoUpload.UploadProblem.NotImage) => (null, T("reply_photo_not_image")),
            var (clean, _) => (clean, null),
        };

    /// <summary>The map around a shared location, when the city configured a tile server.</summary>
    public ConsoleMap? Map(double latitude, double longitude) => ConsoleMap.Around(latitude, longitude, options.Value.MapZoom, options.Value.MapTiles);

    public string MapAttribution => options.Value.MapAttribution;

    public string Status(TipStatus status) => card.StatusName(status, Language);

    public string Category(string id) => catalog.Find(id)?.Name(Language) ?? id;

    public string Time(DateTime utc) => LocalTime.Format(utc, Language);

    public string When(string occurred) => occurred switch
    {
        "now" or "today" => Texts("tip.when_" + occurred),
        _ => DateOnly.TryParseExact(occurred, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : occurred,
    };

    private string Texts(string key) => HttpContext.RequestServices.GetRequiredService<Antq.Core.Texts.TextCatalog>().Get(Language, key);

    private async Task<bool> LoadAsync(string code)
    {
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        View = (await ConsoleTip.LoadAsync(db, Officer, code, HttpContext.RequestAborted))!;
        if (View is null)
        {
            return false;
        }

        var ward = View.Tip.WardId;
        Assignees = await db.Officers.AsNoTracking().Where(o => o.Role == Antq.Core.Officers.OfficerRole.Admin || o.WardId == ward)
            .OrderBy(o => o.Role).ThenBy(o => o.DisplayName).ToListAsync(HttpContext.RequestAborted);
        return true;
    }

    /// <summary>Checks scope and input, runs the change, and shows the page again with the chat's answer (post, redirect, get).</summary>
    private async Task<IActionResult> RunAsync(string code, Func<DomainChange> change, string? problem = null)
    {
        var found = await LoadAsync(code);
        return await ActAsync(actions, found, problem, refused =>
        {
            Problem = refused;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.FromResult<IActionResult>(Page());
        }, change, found ? "/console/tips/" + View.Tip.Code : "");
    }
}
