using System.Globalization;
using System.Text.Json;
using Antq.Core.Texts;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The console's own wording, Vietnamese first and English second, from the embedded <c>Console/Texts/{lang}.json</c>
/// (the chat's sentences stay in Core's catalog; these are page labels no chat ever says). The officer's choice of
/// language is a cookie; Vietnamese without one.
/// </summary>
public sealed class ConsoleTexts
{
    public const string LanguageCookie = "antq-console-lang";

    private readonly Dictionary<string, Dictionary<string, string>> _byLanguage = [];

    public ConsoleTexts()
    {
        foreach (var language in Languages.All)
        {
            using var stream = typeof(ConsoleTexts).Assembly.GetManifestResourceStream($"console/{language}.json")
                ?? throw new InvalidOperationException($"The console texts for '{language}' are not embedded in the assembly.");
            _byLanguage[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"The console texts for '{language}' are empty.");
        }
    }

    public IReadOnlyCollection<string> KeysOf(string language) => _byLanguage[language].Keys;

    public static string LanguageOf(HttpContext http) =>
        http.Request.Cookies[LanguageCookie] is { } chosen && Languages.IsSupported(chosen) ? chosen : Languages.Vietnamese;

    public string Get(string language, string key, params object?[] args)
    {
        var text = _byLanguage[language].GetValueOrDefault(key) ?? _byLanguage[Languages.Vietnamese].GetValueOrDefault(key)
            ?? throw new KeyNotFoundException($"No console text '{key}'.");
        return args.Length == 0 ? text : string.Format(CultureInfo.GetCultureInfo(language), text, args);
    }
}
