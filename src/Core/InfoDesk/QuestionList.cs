using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.InfoDesk;

/// <summary>
/// The console's questions: what residents asked with "ask an officer" (threads of kind <see cref="TipKind.Question"/>)
/// in the officer's scope (their ward; the city, or one ward of it, for an admin). Those still waiting for an answer
/// come first, then those answered but not closed, then the closed; newest first within each, a page at a time.
/// </summary>
public sealed class QuestionList(IDbContextFactory<AntqDb> contexts)
{
    public const int PageSize = 25;

    public async Task<QuestionPage> ReadAsync(Officer officer, string? wardId, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var ward = officer.Role == OfficerRole.Admin ? wardId : officer.WardId;
        if (officer.Role != OfficerRole.Admin && ward is null)
        {
            return new QuestionPage([], 0, 0, page, PageSize);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var questions = db.Tips.AsNoTracking().Where(t => t.Kind == TipKind.Question);
        if (ward is not null)
        {
            questions = questions.Where(t => t.WardId == ward);
        }

        var total = await questions.CountAsync(cancellationToken);
        var waiting = await questions.CountAsync(t => t.Status != TipStatus.Closed && t.FirstResponseAt == null, cancellationToken);
        var newest = await questions.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var rows = await questions
            .OrderBy(t => t.Status == TipStatus.Closed ? 2 : t.FirstResponseAt == null ? 0 : 1)
            .ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(t => new
            {
                t.Id, t.Code, t.Status, t.WardId, t.UnitId, t.CreatedAt, t.FirstResponseAt, t.Description,
                Answer = db.TipEvents.Where(e => e.TipId == t.Id && e.Kind == TipEventKind.OfficerReply).OrderByDescending(e => e.Id).Select(e => e.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return new QuestionPage(
            [.. rows.Select(r => new QuestionRow(r.Id, r.Code, r.Status, r.WardId, r.UnitId, r.CreatedAt, r.FirstResponseAt, r.Description, r.Answer))],
            total,
            waiting,
            page,
            PageSize,
            newest);
    }
}
