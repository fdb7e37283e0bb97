using Antq.Core.Texts;

namespace Antq.Core.Residents.Steps;

/// <summary>
/// A language to choose (<c>lang:vi</c>, <c>lang:en</c>, as in buttons already sent to chats): offered and read by
/// <see cref="LanguageStep"/>, built and parsed here only.
/// </summary>
public sealed record LanguageButton(string Language)
{
    private const string Prefix = "lang:";

    public string Data => Prefix + Language;

    /// <summary>The language in <paramref name="data"/>; null when it is not a button of a supported language.</summary>
    public static LanguageButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true && data[Prefix.Length..] is var language && Languages.IsSupported(language)
            ? new LanguageButton(language)
            : null;
}
