namespace Antq.Core.InfoDesk;

/// <summary>
/// A page of <see cref="QuestionList"/>; <see cref="Waiting"/> counts the questions in scope nobody answered yet, and
/// <see cref="Newest"/> is the id of the newest one in scope (0 for none), from which an open page hears of new ones.
/// </summary>
public sealed record QuestionPage(IReadOnlyList<QuestionRow> Rows, int Total, int Waiting, int Page, int PageSize, long Newest = 0);
