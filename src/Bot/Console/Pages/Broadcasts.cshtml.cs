using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Broadcasts;
using Antq.Core.Channels;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Locale;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// Broadcasts: compose → preview (as residents will see it, with the recipient count and when it will go) → confirm,
/// and the list of scheduled, running and finished broadcasts with their progress, cancel and edit. Each action is the
/// chat's own domain change; a broadcast outside the officer's scope answers 404. A photo is checked, re-encoded and
/// stored at the preview (<see cref="ConsolePhotoFiles"/>); the page then carries only its id, which must be the officer's.
/// </summary>
public sealed class BroadcastsModel(
    ConsoleTexts texts,
    IDbContextFactory<AntqDb> dbFactory,
    ConsoleActions actions,
    AreaTree areas,
    TimeProvider time,
    IOptions<BroadcastOptions> options,
    IOptions<DeliveryOptions> delivery,
    IImageScrubber scrubber) : ConsolePage(texts)
{
    [BindProperty]
    public BroadcastForm Form { get; set; } = new();

    public string? Problem { get; private set; }

    /// <summary>Set once the form reads well: the draft, how many it reaches now, and when it goes in words.</summary>
    public (BroadcastDraft Draft, int Recipients, string When)? Preview { get; private set; }

    public IReadOnlyList<ConsoleBroadcast> Rows { get; private set; } = [];

    public AreaTree Areas => areas;

    public int MaxTextLength => options.Value.MaxTextLength;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The list is polled while something in it moves: a broadcast sending, or one due within the minute.</summary>
    public bool Live => Rows.Any(r => r.Broadcast.Status == BroadcastStatus.Sending || (r.Broadcast.Status == BroadcastStatus.Scheduled && r.Broadcast.ScheduledFor <= Now.AddMinutes(1)));

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>A new photo (<paramref name="photo"/>) is stored only once the whole form reads well; a bad one stores nothing.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? photo)
    {
        byte[]? upload = null;
        if (photo is { Length: > 0 })
        {
            var (clean, trouble) = await ConsolePhotoUpload.ReadAsync(photo, scrubber, HttpContext.RequestAborted);
            if (trouble is { } why)
            {
                return await RefuseAsync(why == ConsolePhotoUpload.UploadProblem.TooLarge ? T("bc_photo_too_large", ConsolePhotoUpload.MaxMegabytes) : T("bc_photo_not_image"));
            }

            upload = clean;
        }

        if (Form.DropPhoto || upload is not null)
        {
            Form.PhotoId = null;
            Form.DropPhoto = false;
        }

        var (draft, problem) = await ReadAsync(upload is not null);
        if (draft is null)
        {
            return await RefuseAsync(problem!);
        }

        if (upload is not null)
        {
            Form.PhotoId = ConsolePhotoFiles.NewId();
            await actions.RunAsync(Officer, new KeepConsolePhoto(Form.PhotoId, upload), HttpContext.RequestAborted);
            draft = draft with { PhotoFileId = Form.PhotoId, PhotoChannel = ConsolePhotoFiles.ChannelName };
        }

        await using (var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted))
        {
            Preview = (draft, await BroadcastAudience.CountAsync(db, draft.Audience!, HttpContext.RequestAborted), When(draft));
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        var (draft, problem) = await ReadAsync(newPhoto: false);
        if (draft is null)
        {
            return await RefuseAsync(problem!);
        }

        // Sent now, the chat answers with its progress message rather than a reply: the page says it started.
        TempData["done"] = await actions.RunAsync(Officer, new CreateBroadcast(draft), HttpContext.RequestAborted) ?? T("bc_started");
        return Redirect("/console/broadcasts");
    }

    public Task<IActionResult> OnPostCancelAsync(long id) => RunAsync(id, () => new CancelBroadcast(id));

    public Task<IActionResult> OnPostPauseAsync(long id) => RunAsync(id, () => new PauseBroadcast(id));

    public Task<IActionResult> OnPostResumeAsync(long id) => RunAsync(id, () => new ResumeBroadcast(id));

    /// <summary>
    /// New text, a new time and, for a weekly one, new days for a scheduled or paused broadcast, as the chat's edit buttons
    /// allow; what is unchanged is left alone. <paramref name="weekly"/> says the form showed the days (none ticked is refused).
    /// </summary>
    public async Task<IActionResult> OnPostEditAsync(long id, string? text, string? at, List<int>? days, bool weekly)
    {
        Broadcast? current;
        await using (var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted))
        {
            current = await ConsoleBroadcast.FindAsync(db, Officer, id, HttpContext.RequestAborted);
        }

        if (current is null)
        {
            return NotFound();
        }

        text = string.IsNullOrWhiteSpace(text) || text.Trim() == current.Text ? null : text.Trim();
        var newAt = ConsoleDateTime.Read(at);
        newAt = newAt is { } typed && ConsoleDateTime.Write(typed) == ConsoleDateTime.Write(current.ScheduledFor) ? null : newAt;
        var chosen = weekly && current.Recurrence == Recurrence.Weekly ? BroadcastForm.Weekdays(days ?? []) : (int?)null;
        var newDays = chosen == WeekdaysOf(current) ? null : chosen;
        var problem = !string.IsNullOrWhiteSpace(at) && ConsoleDateTime.Read(at) is null ? T("bc_at_missing")
            : chosen == 0 ? T("bc_days_none")
            : text is null && newAt is null && newDays is null ? T("bc_edit_nothing")
            : text?.Length > MaxTextLength ? T("bc_text_too_long", MaxTextLength, text.Length)
            : current.PhotoFileId is not null && text?.Length > BroadcastDraft.MaxCaptionLength ? T("bc_caption_too_long", BroadcastDraft.MaxCaptionLength, text.Length)
            : newAt <= Now ? T("bc_at_past", LocalTime.Format(newAt.Value, Language))
            : newAt > Now.AddYears(1) ? T("bc_at_far")
            : null;
        return await RunAsync(id, () => new UpdateBroadcast(id, text, newAt, newDays), problem);
    }

    /// <summary>The days a weekly broadcast goes on; one made for "the first time's weekday" goes on that one.</summary>
    public static int WeekdaysOf(Broadcast b) =>
        b.Weekdays != 0 ? b.Weekdays : Recurrences.Bit(LocalTime.ToLocal(b.FirstAt ?? b.ScheduledFor).DayOfWeek);

    public string Topic(BroadcastTopic topic) => T("bc_topic_" + BroadcastTopics.Code(topic));

    public string Time(DateTime utc) => LocalTime.Format(utc, Language);

    /// <summary>Whom a broadcast reaches, in words: the city, or its ward with the chosen units, and the language.</summary>
    public string Audience(IReadOnlyList<string> wards, IReadOnlyList<string> units, string? language)
    {
        var where = wards.Count == 0 ? T("bc_city") : string.Join(", ", wards.Select(w => areas.FindWard(w)?.Name ?? w));
        if (units.Count > 0)
        {
            where += " (" + string.Join(", ", units.Select(u => areas.FindUnit(u)?.Name ?? u)) + ")";
        }

        return language is null ? where : where + " · " + T("bc_lang_" + language);
    }

    public string Repeats(Recurrence recurrence, int weekdays) => recurrence == Recurrence.None ? T("bc_once")
        : recurrence == Recurrence.Weekly && weekdays != 0 ? T("bc_repeat_weekly_on", string.Join(", ", Recurrences.Days(weekdays).Select(d => T("bc_day_" + (int)d))))
        : T("bc_repeat_" + Recurrences.Code(recurrence));

    /// <summary>
    /// When it goes, said before confirming: now, the time chosen, or when quiet hours end for a non-urgent one (as the
    /// chat's preview says it; the clock holds it the same way).
    /// </summary>
    private string When(BroadcastDraft draft)
    {
        var at = draft.At ?? Now;
        var quiet = draft.Topic != BroadcastTopic.Urgent && QuietHours.TryParse(delivery.Value.QuietHours, out var hours) ? hours : null;
        var goes = quiet?.NextAllowed(at) ?? at;
        var when = (draft.At, goes > at) switch
        {
            (null, false) => T("bc_goes_now"),
            (null, true) => T("bc_goes_quiet_now", Time(goes), quiet!.Window),
            (_, false) => T("bc_goes_at", Time(at)),
            (_, true) => T("bc_goes_quiet_at", Time(at), Time(goes), quiet!.Window),
        };
        return draft.Recurrence == Recurrence.None ? when : when + " · " + Repeats(draft.Recurrence, draft.Weekdays);
    }

    /// <summary>
    /// The form as a draft; a photo kept from an earlier preview goes with it only if this officer uploaded it (not
    /// another officer's, not a made-up id, not a file id of some channel). <paramref name="newPhoto"/>: one comes now.
    /// </summary>
    private async Task<(BroadcastDraft? Draft, string? Problem)> ReadAsync(bool newPhoto)
    {
        var kept = string.IsNullOrEmpty(Form.PhotoId) ? null : Form.PhotoId;
        var (draft, problem) = Form.Read(Officer, areas, Now, MaxTextLength, newPhoto || kept is not null, Language, (key, args) => T(key, args));
        if (draft is null || kept is null)
        {
            return (draft, problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        if (!await ConsolePhotoFiles.IsOwnedAsync(db, kept, Officer.Id, HttpContext.RequestAborted))
        {
            Form.PhotoId = null;
            return (null, T("bc_photo_not_yours"));
        }

        return (draft with { PhotoFileId = kept, PhotoChannel = ConsolePhotoFiles.ChannelName }, null);
    }

    private async Task<IActionResult> RefuseAsync(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted);
        Rows = await ConsoleBroadcast.LoadAsync(db, Officer, HttpContext.RequestAborted);
    }

    /// <summary>Checks scope and input, runs the change, and shows the list again with the chat's answer.</summary>
    private async Task<IActionResult> RunAsync(long id, Func<DomainChange> change, string? problem = null)
    {
        bool found;
        await using (var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted))
        {
            found = await ConsoleBroadcast.FindAsync(db, Officer, id, HttpContext.RequestAborted) is not null;
        }

        return await ActAsync(actions, found, problem, RefuseAsync, change, "/console/broadcasts#b" + id.ToString(CultureInfo.InvariantCulture));
    }
}
