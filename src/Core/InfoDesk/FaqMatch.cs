namespace Antq.Core.InfoDesk;

/// <summary>
/// An entry found for a question: its <paramref name="Score"/> ranks it among the others; its
/// <paramref name="Confidence"/> (0–1) is the share of the question's telling words it explains, which decides
/// whether it is given as the answer or only offered among the closest questions.
/// </summary>
public sealed record FaqMatch(FaqEntry Entry, double Score, double Confidence);
