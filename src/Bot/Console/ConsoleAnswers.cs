using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Antq.Core.Texts;

namespace Antq.Bot.WebConsole;

/// <summary>
/// The chat's answer to a console action, said in the console's language. The chat answers officers in Vietnamese
/// (<see cref="Languages.Officers"/>); the console recognises which of the chat's sentences came back and says it with
/// its own text <c>done_{chat key}</c> (Console/Texts), the sentence's values carried over. An answer it does not
/// know is shown as the chat said it.
/// </summary>
public sealed partial class ConsoleAnswers
{
    public const string Prefix = "done_";

    private readonly ConsoleTexts _texts;
    private readonly List<(Regex Pattern, int Values, string Key)> _answers = [];

    public ConsoleAnswers(ConsoleTexts texts, TextCatalog chat)
    {
        _texts = texts;
        foreach (var key in texts.KeysOf(Languages.Vietnamese).Where(k => k.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            // ConsoleActions keeps an answer's first paragraph; so is the sentence matched.
            var sentence = chat.Get(Languages.Officers, key[Prefix.Length..]).Split("\n\n")[0];
            var (pattern, values) = PatternOf(sentence);
            _answers.Add((pattern, values, key));
        }
    }

    public string Say(string language, string answer)
    {
        foreach (var (pattern, values, key) in _answers)
        {
            var match = pattern.Match(answer);
            if (match.Success)
            {
                return _texts.Get(language, key, [.. Enumerable.Range(0, values).Select(i => match.Groups["v" + i.ToString(CultureInfo.InvariantCulture)].Value)]);
            }
        }

        return answer;
    }

    /// <summary>The sentence with each <c>{n}</c> a group that takes any text (a repeated one the same text).</summary>
    private static (Regex Pattern, int Values) PatternOf(string sentence)
    {
        var pattern = new StringBuilder("^");
        var seen = new HashSet<int>();
        var last = 0;
        foreach (Match hole in Placeholder().Matches(sentence))
        {
            pattern.Append(Regex.Escape(sentence[last..hole.Index]));
            var n = int.Parse(hole.Groups[1].Value, CultureInfo.InvariantCulture);
            pattern.Append(seen.Add(n) ? $"(?<v{n}>.*?)" : $"\\k<v{n}>");
            last = hole.Index + hole.Length;
        }

        pattern.Append(Regex.Escape(sentence[last..])).Append('$');
        var values = seen.Count == 0 ? 0 : seen.Max() + 1;
        return (new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)), values);
    }

    [GeneratedRegex(@"\{(\d+)(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
