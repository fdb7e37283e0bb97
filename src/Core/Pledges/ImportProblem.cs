using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>
/// A row of an import file that cannot be taken, with its line number and why: a text key (<c>pledge_import.*</c>) and
/// its values, so the command line says it in English and the console in the officer's language.
/// </summary>
public sealed record ImportProblem(int Line, string Key, IReadOnlyList<object> Args)
{
    public string Describe(TextCatalog texts, string language) => texts.Get(language, "pledge_import." + Key, [.. Args]);
}
