using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.Events;
using Antq.Core.Locale;
using Antq.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// Events: the upcoming and past events in scope with the residents' answers and the reminders sent; create, move and
/// cancel, each as the chat's own domain change (announcement, notices to those coming, reminders re-armed). Another
/// ward's event answers 404.
/// </summary>
public sealed class EventsModel(ConsoleTexts texts, IDbContextFactory<AntqDb> dbFactory, ConsoleActions actions, AreaTree areas, TimeProvider time) : ConsolePage(texts)
{
    [BindProperty]
    public EventForm Form { get; set; } = new();

    /// <summary>Whether the form came back from the officer (else its reminders show the chat's default choice).</summary>
    public bool Posted { get; private set; }

    public string? Problem { get; private set; }

    public IReadOnlyList<ConsoleEvent> Upcoming { get; private set; } = [];

    public IReadOnlyList<ConsoleEvent> Past { get; private set; } = [];

    public AreaTree Areas => areas;

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        Posted = true;
        var (draft, problem) = Form.Read(Officer, areas, Now, Language, (key, args) => T(key, args));
        if (draft is null)
        {
            return await RefuseAsync(problem!);
        }

        TempData["done"] = await actions.RunAsync(Officer, new CreateEvent(draft), HttpContext.RequestAborted);
        return Redirect("/console/events");
    }

    public Task<IActionResult> OnPostMoveAsync(long id, string? start, string? end)
    {
        var (from, to, problem) = EventForm.Times(start, end, Now, Language, (key, args) => T(key, args));
        return RunAsync(id, () => new MoveEvent(id, from, to), problem);
    }

    public Task<IActionResult> OnPostCancelAsync(long id) => RunAsync(id, () => new CancelEvent(id));

    public string Span(FestivalEvent e) => LocalTime.Span(e.StartsAt, e.EndsAt, Language);

    public string Ward(string id) => areas.FindWard(id)?.Name ?? id;

    /// <summary>The event's reminders in words, earliest first ("3 ngày, 1 ngày, 2 giờ").</summary>
    public string Reminders(FestivalEvent e) => string.Join(", ", e.Reminders.Select(m => T("ev_remind_" + m.ToString(CultureInfo.InvariantCulture))));

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
        (Upcoming, Past) = await ConsoleEvent.LoadAsync(db, Officer, Now, HttpContext.RequestAborted);
    }

    /// <summary>Checks scope (another ward's event is 404) and input, runs the change, and shows the list with the chat's answer.</summary>
    private async Task<IActionResult> RunAsync(long id, Func<DomainChange> change, string? problem = null)
    {
        bool found;
        await using (var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted))
        {
            found = await ConsoleEvent.FindAsync(db, Officer, id, HttpContext.RequestAborted) is not null;
        }

        return await ActAsync(actions, found, problem, RefuseAsync, change, "/console/events#e" + id.ToString(CultureInfo.InvariantCulture));
    }
}
