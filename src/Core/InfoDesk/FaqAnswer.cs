namespace Antq.Core.InfoDesk;

/// <summary>
/// What the Q&amp;A makes of a question: the <paramref name="Answer"/> when it is confident, and the
/// <paramref name="Others"/> — alternatives beside an answer, or the closest questions when there is none.
/// </summary>
public sealed record FaqAnswer(FaqEntry? Answer, IReadOnlyList<FaqEntry> Others);
