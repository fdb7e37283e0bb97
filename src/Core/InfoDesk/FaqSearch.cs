using System.Text;
using Antq.Core.Locale;

namespace Antq.Core.InfoDesk;

/// <summary>
/// Finds the Q&amp;A entries a resident's free text is about, the way people really type: without diacritics, in
/// any word order, with a slip of a key, in English. Words are folded (no marks, lower case), rare words weigh
/// more, two words that belong together ("tam tru") weigh double, and an unknown word is read as the nearest known one.
/// Each match also says how much of the question it explains (<see cref="FaqMatch.Confidence"/>), so that a match
/// on one word of a question about something else is offered as "closest", not given as the answer.
/// </summary>
public sealed class FaqSearch
{
    /// <summary>Below this a match is a coincidence of common words, not an answer.</summary>
    public const double MinScore = 2.5;

    /// <summary>
    /// The share of a question a match must explain to be given as the answer, measured on the tests' questions
    /// (<c>FaqConfidenceTests</c>): every question with an answer scores above it, every question without one below.
    /// </summary>
    public const double DefaultMinConfidence = 0.75;

    /// <summary>A word read as another (a typo) counts less than one typed right.</summary>
    private const double CorrectedWeight = 0.6;

    private static readonly HashSet<string> StopWords =
    [
        // Vietnamese, folded: pronouns, question words and particles.
        "toi", "minh", "em", "anh", "chi", "cho", "hoi", "xin", "voi", "thi", "la", "gi", "nao", "the", "sao", "o", "dau",
        "co", "khong", "ko", "k", "duoc", "phai", "lam", "nhu", "a", "ah", "nhe", "va", "cua", "de", "nay", "do", "khi",
        "muon", "mot", "cac", "nhung", "vay", "ai", "roi", "nhieu", "gium", "giup", "oi", "u", "vs", "thu", "tuc",
        "chao", "ok", "oke", "hello", "hi", "thank", "thanks", "hom", "nay", "qua", "troi", "dep", "vai", "luc", "gio", "nhe",
        // English.
        "i", "my", "me", "the", "a", "an", "to", "do", "does", "how", "what", "where", "when", "is", "are", "for", "of", "in",
        "at", "it", "and", "or", "with", "on", "should", "must", "need", "have", "has", "get", "you", "your", "we", "please", "about",
        "which", "who", "if", "there", "this", "that", "be", "am", "was", "will", "from", "any", "some", "still",
    ];

    /// <summary>A word that asks nothing by itself (a pronoun, a particle, a question word).</summary>
    public static bool IsStopWord(string foldedWord) => StopWords.Contains(foldedWord);

    private readonly List<(FaqEntry Entry, HashSet<string> Words, HashSet<string> Pairs)> _index = [];
    private readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);

    public FaqSearch(IReadOnlyList<FaqEntry> entries)
    {
        foreach (var entry in entries)
        {
            var phrases = new List<string>(entry.Keywords) { entry.QuestionVi, entry.QuestionEn };
            var words = new HashSet<string>(StringComparer.Ordinal);
            var pairs = new HashSet<string>(StringComparer.Ordinal);
            foreach (var phrase in phrases)
            {
                var tokens = Words(phrase);
                words.UnionWith(tokens.Where(t => !StopWords.Contains(t)));
                pairs.UnionWith(Pairs(tokens));
            }

            _index.Add((entry, words, pairs));
            foreach (var word in words)
            {
                _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
            }
        }
    }

    /// <summary>The best entries for <paramref name="query"/>, best first, at most <paramref name="max"/>; empty when nothing fits.</summary>
    public IReadOnlyList<FaqEntry> Find(string query, int max = 3) => [.. Match(query, max).Select(m => m.Entry)];

    /// <summary>The best matches for <paramref name="query"/> with their score and confidence, best first; empty when nothing fits.</summary>
    public IReadOnlyList<FaqMatch> Match(string query, int max = 3)
    {
        var typed = Words(query.Length > 500 ? query[..500] : query);
        var tokens = typed.Select(Correct).ToList();
        var corrected = tokens.Where((t, i) => t != typed[i]).ToHashSet(StringComparer.Ordinal);
        var content = tokens.Where(t => !StopWords.Contains(t)).Distinct().ToList();
        var words = content.Where(_documentFrequency.ContainsKey).ToList();
        var pairs = Pairs(tokens).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        double Weigh(string word) => Weight(word) * (corrected.Contains(word) ? CorrectedWeight : 1);

        // A word the Q&A has never seen is as telling as the rarest word it knows: a question about something else.
        var asked = content.Sum(w => _documentFrequency.ContainsKey(w) ? Weigh(w) : UnknownWeight);
        return _index
            .Select(e =>
            {
                var explained = words.Where(e.Words.Contains).Sum(Weigh);
                return new FaqMatch(e.Entry, explained + pairs.Where(e.Pairs.Contains).Sum(p => p.Split(' ').Sum(Weigh)), explained / asked);
            })
            .Where(m => m.Score >= MinScore)
            .OrderByDescending(m => m.Score)
            .Take(max)
            .ToList();
    }

    private double UnknownWeight => Math.Log(1 + _index.Count);

    private double Weight(string word) => _documentFrequency.TryGetValue(word, out var df) ? Math.Log(1 + ((double)_index.Count / df)) : 0;

    /// <summary>A word the Q&amp;A does not know is taken as the known word one slip away (two for long words), the commonest first.</summary>
    private string Correct(string word)
    {
        if (StopWords.Contains(word) || _documentFrequency.ContainsKey(word) || word.Length < 4)
        {
            return word;
        }

        var allowed = word.Length >= 7 ? 2 : 1;
        var best = word;
        var bestDistance = allowed + 1;
        var bestFrequency = 0;
        foreach (var (known, frequency) in _documentFrequency)
        {
            if (Math.Abs(known.Length - word.Length) > allowed)
            {
                continue;
            }

            var distance = Distance(word, known, allowed);
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (known, distance, frequency);
            }
        }

        return bestDistance <= allowed ? best : word;
    }

    /// <summary>Folded words of a text: no diacritics, lower case, letters and digits only, English plurals singular.</summary>
    public static List<string> Words(string text)
    {
        var folded = VietnameseText.Fold(text);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return [.. sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Singular)];
    }

    // Vietnamese syllables never end in "s", so this only touches English.
    private static string Singular(string word) => word switch
    {
        { Length: > 4 } when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
        { Length: > 3 } when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => word[..^1],
        _ => word,
    };

    private static IEnumerable<string> Pairs(List<string> tokens) =>
        tokens.Zip(tokens.Skip(1)).Where(p => !StopWords.Contains(p.First) && !StopWords.Contains(p.Second)).Select(p => p.First + " " + p.Second);

    /// <summary>Optimal string alignment distance (a swap of two keys counts once), cut off above <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, d[i, j]);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }
        }

        return d[a.Length, b.Length];
    }
}
