using System.Globalization;
using System.Text.Json;

namespace Antq.Core.Texts;

/// <summary>
/// Every sentence the service says to residents, per language, from embedded <c>Texts/{lang}.json</c> files.
/// Wording lives there, never in logic.
/// </summary>
public sealed class TextCatalog
{
    private readonly Dictionary<string, Dictionary<string, string>> _byLanguage;

    public TextCatalog(IReadOnlyDictionary<string, Dictionary<string, string>> byLanguage)
    {
        _byLanguage = byLanguage.ToDictionary(p => p.Key, p => p.Value);
    }

    public IReadOnlyCollection<string> KeysOf(string language) => _byLanguage[language].Keys;

    /// <summary>The sentence for <paramref name="key"/> in <paramref name="language"/>, formatted with <paramref name="args"/>.</summary>
    public string Get(string language, string key, params object?[] args)
    {
        if (!_byLanguage.TryGetValue(language, out var texts))
        {
            texts = _byLanguage[Languages.Default];
        }

        if (!texts.TryGetValue(key, out var text) && !_byLanguage[Languages.Default].TryGetValue(key, out text))
        {
            throw new KeyNotFoundException($"No text '{key}' in language '{language}'.");
        }

        return args.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(language), text, args);
    }

    public static TextCatalog LoadEmbedded()
    {
        var assembly = typeof(TextCatalog).Assembly;
        var byLanguage = new Dictionary<string, Dictionary<string, string>>();
        foreach (var language in Languages.All)
        {
            using var stream = assembly.GetManifestResourceStream($"Antq.Core.Texts.{language}.json")
                ?? throw new InvalidOperationException($"Embedded texts for '{language}' are missing.");
            byLanguage[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Embedded texts for '{language}' are empty.");
        }

        return new TextCatalog(byLanguage);
    }
}
