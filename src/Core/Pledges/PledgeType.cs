using Antq.Core.Texts;
namespace Antq.Core.Pledges;

/// <summary>A pledge as the ward prints it: its name, its numbered commitments in each language, whom it is for, its version.</summary>
public sealed record PledgeType(
    string Id,
    string Version,
    IReadOnlySet<SignerKind> Kinds,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Titles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Commitments)
{
    public string Name(string language) => Names.GetValueOrDefault(language) ?? Names[Languages.Default];

    public bool AppliesTo(SignerKind kind) => Kinds.Contains(kind);

    /// <summary>The full text: the title and the numbered commitments.</summary>
    public string FullText(string language)
    {
        var lines = Commitments.GetValueOrDefault(language) ?? Commitments[Languages.Default];
        var title = Titles.GetValueOrDefault(language) ?? Titles[Languages.Default];
        return title + "\n\n" + string.Join("\n", lines.Select((line, i) => $"{i + 1}. {line}"));
    }
}
