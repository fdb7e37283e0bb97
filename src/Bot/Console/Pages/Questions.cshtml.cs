using Antq.Core.Areas;
using Antq.Core.Conversations;
using Antq.Core.InfoDesk;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.WebConsole.Pages;

/// <summary>
/// /console/questions: what residents asked with "ask an officer", in scope, those waiting first, each with its age; an
/// answer is the chat's own reply to the question (<see cref="OfficerReply"/>), so it reaches the resident through the
/// bot and lands in the thread the chat shows. Another ward's question is 404 to act on, as its tip page is.
/// </summary>
public sealed class QuestionsModel(ConsoleTexts texts, QuestionList list, IDbContextFactory<AntqDb> dbFactory, ConsoleActions actions, AreaTree areas, TimeProvider time) : ConsolePage(texts)
{
    public QuestionPage Questions { get; private set; } = null!;

    public string? Ward { get; private set; }

    public DateTime Now { get; private set; }

    public string? Problem { get; private set; }

    /// <summary>The code of the question whose answer had a problem, to keep its form open.</summary>
    public string? ProblemCode { get; private set; }

    public IEnumerable<Ward> Wards => areas.Wards;

    public async Task OnGetAsync(string? ward, int p = 1) => await LoadAsync(ward, p);

    public async Task<IActionResult> OnPostAnswerAsync(string? code, string? text)
    {
        text = text?.Trim();
        var problem = string.IsNullOrEmpty(text) ? T("q_answer_empty") : text.Length > TipModel.MaxReplyLength ? T("reply_too_long", TipModel.MaxReplyLength) : null;
        return await RunAsync(code, question => new OfficerReply(question, text, null), problem);
    }

    public async Task<IActionResult> OnPostCloseAsync(string? code) =>
        await RunAsync(code, question => new ChangeTipStatus(question, TipStatus.Closed));

    public string Place(QuestionRow row)
    {
        var ward = areas.FindWard(row.WardId)?.Name ?? row.WardId;
        return areas.FindUnit(row.UnitId ?? "")?.Name is { } unit ? unit + ", " + ward : ward;
    }

    public string Duration(TimeSpan span) => ConsoleDuration.Say(span, T);

    private async Task LoadAsync(string? ward, int page)
    {
        Ward = string.IsNullOrWhiteSpace(ward) || Officer.Role != OfficerRole.Admin ? null : ward;
        Now = time.GetUtcNow().UtcDateTime;
        Questions = await list.ReadAsync(Officer, Ward, page, HttpContext.RequestAborted);
    }

    /// <summary>Finds the question in scope (else 404), checks the input, runs the chat's change, shows the list again.</summary>
    private async Task<IActionResult> RunAsync(string? code, Func<string, DomainChange> change, string? problem = null)
    {
        var canonical = TrackingCode.Normalize(code);
        string? ward;
        await using (var db = await dbFactory.CreateDbContextAsync(HttpContext.RequestAborted))
        {
            ward = canonical is null ? null : await db.Tips.Where(t => t.Code == canonical && t.Kind == TipKind.Question).Select(t => t.WardId).SingleOrDefaultAsync(HttpContext.RequestAborted);
        }

        return await ActAsync(actions, ward is not null && Officer.Covers(ward), problem, async refused =>
        {
            await LoadAsync(null, 1);
            (Problem, ProblemCode) = (refused, canonical);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }, () => change(canonical!), "/console/questions");
    }
}
