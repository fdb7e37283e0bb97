using System.Text.Json;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Tips;

/// <summary>Tip categories and the words that signal an emergency, loaded and checked at start-up.</summary>
public sealed class TipCatalog(IReadOnlyList<TipCategory> categories, IReadOnlyDictionary<string, IReadOnlyList<string>> emergencyWords)
{
    public IReadOnlyList<TipCategory> Categories { get; } = categories;

    public TipCategory? Find(string id) => Categories.FirstOrDefault(c => c.Id == id);

    /// <summary>The emergency number the text calls for (a fire in progress: 114; violence in progress: 113), or null.</summary>
    public string? EmergencyIn(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        foreach (var (number, words) in emergencyWords)
        {
            if (words.Any(w => folded.Contains(" " + w + " ", StringComparison.Ordinal) || folded.Contains(" " + w, StringComparison.Ordinal)))
            {
                return number;
            }
        }

        return null;
    }

    public static TipCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ContentFileException(path, "file not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var categories = new List<TipCategory>();
            var index = 0;
            foreach (var item in doc.RootElement.GetProperty("categories").EnumerateArray())
            {
                var entry = $"categories[{index++}]";
                var id = Required(item, "id", path, entry);
                if (id.Length > 24 || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                {
                    throw new ContentFileException(path, $"{entry}: id \"{id}\" must be 1-24 of a-z, 0-9 and '-'");
                }

                if (categories.Any(c => c.Id == id))
                {
                    throw new ContentFileException(path, $"{entry}: id \"{id}\" is used twice");
                }

                var emergency = item.TryGetProperty("emergency", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                if (emergency is not (null or "113" or "114"))
                {
                    throw new ContentFileException(path, $"{entry}: emergency must be \"113\" or \"114\" (got \"{emergency}\")");
                }

                categories.Add(new TipCategory(id, VietnameseText.Nfc(Required(item, Languages.Vietnamese, path, entry))!, Required(item, Languages.English, path, entry), emergency));
            }

            if (categories.Count == 0)
            {
                throw new ContentFileException(path, "categories: at least one category is needed");
            }

            var words = new Dictionary<string, IReadOnlyList<string>>();
            if (doc.RootElement.TryGetProperty("emergencyWords", out var ew))
            {
                foreach (var number in ew.EnumerateObject())
                {
                    if (number.Name is not ("113" or "114"))
                    {
                        throw new ContentFileException(path, $"emergencyWords: \"{number.Name}\" must be \"113\" or \"114\"");
                    }

                    words[number.Name] = number.Value.EnumerateArray().Select(w => VietnameseText.Fold(w.GetString() ?? "")).Where(w => w.Length > 0).ToList();
                }
            }

            return new TipCatalog(categories, words);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ContentFileException(path, ex is KeyNotFoundException ? "\"categories\" is missing" : "invalid JSON (" + ex.Message + ")");
        }
    }

    private static string Required(JsonElement item, string name, string path, string entry) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw new ContentFileException(path, $"{entry}: \"{name}\" is missing or empty");
}
