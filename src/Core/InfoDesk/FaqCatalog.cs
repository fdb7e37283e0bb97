using System.Text.Json;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.InfoDesk;

/// <summary>The procedures Q&amp;A, loaded from <c>config/faq.json</c> and checked at start-up; searched by <see cref="FaqSearch"/>.</summary>
public sealed class FaqCatalog
{
    public const int MaxIdLength = 24;
    public const int MaxAnswerLength = 3000;

    public FaqCatalog(IReadOnlyList<FaqEntry> entries, double minConfidence = FaqSearch.DefaultMinConfidence)
    {
        if (minConfidence is < 0 or > 1 || double.IsNaN(minConfidence))
        {
            throw new ArgumentOutOfRangeException(nameof(minConfidence), minConfidence, "a share between 0 and 1");
        }

        Entries = entries;
        Search = new FaqSearch(entries);
        MinConfidence = minConfidence;
    }

    public IReadOnlyList<FaqEntry> Entries { get; }

    public FaqSearch Search { get; }

    /// <summary>The share of a question the best match must explain to be given as the answer (<c>InfoDesk:MinConfidence</c>).</summary>
    public double MinConfidence { get; }

    public FaqEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>
    /// The answer to a resident's question when the best match explains enough of it, with the next two as
    /// alternatives; otherwise no answer and the closest questions (up to three) to choose from.
    /// </summary>
    public FaqAnswer Ask(string question)
    {
        // A thank-you is not a question ("cảm ơn" once found the pledge entry through "cam kết").
        if (SmallTalk.Of(question) != SmallTalk.Kind.None)
        {
            return new FaqAnswer(null, []);
        }

        var matches = Search.Match(question);
        return matches.Count > 0 && matches[0].Confidence >= MinConfidence
            ? new FaqAnswer(matches[0].Entry, [.. matches.Skip(1).Take(2).Select(m => m.Entry)])
            : new FaqAnswer(null, [.. matches.Select(m => m.Entry)]);
    }

    public static FaqCatalog Load(string path, double minConfidence = FaqSearch.DefaultMinConfidence)
    {
        if (!File.Exists(path))
        {
            throw new ContentFileException(path, "file not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var entries = new List<FaqEntry>();
            var index = 0;
            foreach (var item in doc.RootElement.GetProperty("entries").EnumerateArray())
            {
                var entry = Entry(path, $"entries[{index++}]", item);
                if (entries.Any(e => e.Id == entry.Id))
                {
                    throw new ContentFileException(path, $"entries[{index - 1}]: id \"{entry.Id}\" is used twice");
                }

                entries.Add(entry);
            }

            return entries.Count == 0 ? throw new ContentFileException(path, "entries: at least one entry is needed") : new FaqCatalog(entries, minConfidence);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ContentFileException(path, ex is KeyNotFoundException ? "\"entries\" is missing" : "invalid JSON (" + ex.Message + ")");
        }
    }

    private static FaqEntry Entry(string path, string at, JsonElement item)
    {
        var id = item.TryGetProperty("id", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString() ?? "" : "";
        if (id.Length is 0 or > MaxIdLength || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ContentFileException(path, $"{at}: id \"{id}\" must be 1-{MaxIdLength} of a-z, 0-9 and '-'");
        }

        at += $" \"{id}\"";
        var answerVi = string.Join("\n", Lines(path, at, item, "answer", Languages.Vietnamese));
        var answerEn = string.Join("\n", Lines(path, at, item, "answer", Languages.English));
        if (Math.Max(answerVi.Length, answerEn.Length) > MaxAnswerLength)
        {
            throw new ContentFileException(path, $"{at}: answer is longer than {MaxAnswerLength} characters");
        }

        var keywords = Lines(path, at, item, "keywords", Languages.Vietnamese).Concat(Lines(path, at, item, "keywords", Languages.English)).ToList();
        return new FaqEntry(id, Text(path, at, item, "question", Languages.Vietnamese), Text(path, at, item, "question", Languages.English), answerVi, answerEn, keywords);
    }

    private static string Text(string path, string at, JsonElement item, string name, string language) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(text.GetString())
            ? VietnameseText.Nfc(text.GetString()!.Trim())!
            : throw new ContentFileException(path, $"{at}: \"{name}.{language}\" is missing or empty");

    /// <summary>A text given as one string or as a list of lines (an answer's paragraphs, a list of keywords).</summary>
    private static string[] Lines(string path, string at, JsonElement item, string name, string language)
    {
        string[]? lines = null;
        if (item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty(language, out var text))
        {
            lines = text.ValueKind switch
            {
                JsonValueKind.String => [text.GetString()!],
                JsonValueKind.Array when text.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String) => [.. text.EnumerateArray().Select(l => l.GetString()!)],
                _ => null,
            };
        }

        lines = lines?.Select(l => VietnameseText.Nfc(l.Trim())!).Where(l => l.Length > 0).ToArray();
        if (lines is null || lines.Length == 0)
        {
            throw new ContentFileException(path, $"{at}: \"{name}.{language}\" is missing or empty");
        }

        return lines;
    }
}
