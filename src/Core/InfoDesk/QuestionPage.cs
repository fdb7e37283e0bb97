namespace Antq.Core.InfoDesk;

/// <summary>A page of <see cref="QuestionList"/>; <see cref="Waiting"/> counts the questions in scope nobody answered yet.</summary>
public sealed record QuestionPage(IReadOnlyList<QuestionRow> Rows, int Total, int Waiting, int Page, int PageSize);
