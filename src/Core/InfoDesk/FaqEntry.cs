namespace Antq.Core.InfoDesk;

/// <summary>One procedures question and its answer, in Vietnamese and English, with the words residents type for it.</summary>
public sealed record FaqEntry(string Id, string QuestionVi, string QuestionEn, string AnswerVi, string AnswerEn, IReadOnlyList<string> Keywords)
{
    public string Question(string language) => language == "en" ? QuestionEn : QuestionVi;

    public string Answer(string language) => language == "en" ? AnswerEn : AnswerVi;
}
