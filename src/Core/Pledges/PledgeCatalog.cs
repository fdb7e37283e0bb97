using System.Globalization;
using System.Text.Json;
using Antq.Core.Locale;
using Antq.Core.Texts;

namespace Antq.Core.Pledges;

/// <summary>The pledge types and the campaign, loaded from <c>config/pledges.json</c> and checked at start-up.</summary>
public sealed class PledgeCatalog(PledgeCampaign campaign, IReadOnlyList<PledgeType> types)
{
    public PledgeCampaign Campaign { get; } = campaign;

    public IReadOnlyList<PledgeType> Types { get; } = types;

    public PledgeType? Find(string id) => Types.FirstOrDefault(t => t.Id == id);

    public IReadOnlyList<PledgeType> For(SignerKind kind) => [.. Types.Where(t => t.AppliesTo(kind))];

    public static PledgeCatalog Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ContentFileException(path, "file not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = doc.RootElement;
            var campaign = ReadCampaign(path, root.GetProperty("campaign"));
            var types = new List<PledgeType>();
            var index = 0;
            foreach (var item in root.GetProperty("types").EnumerateArray())
            {
                var type = Type(path, $"types[{index++}]", item);
                if (types.Any(t => t.Id == type.Id))
                {
                    throw new ContentFileException(path, $"types[{index - 1}]: id \"{type.Id}\" is used twice");
                }

                types.Add(type);
            }

            if (types.Count == 0)
            {
                throw new ContentFileException(path, "types: at least one pledge type is needed");
            }

            foreach (var kind in Enum.GetValues<SignerKind>().Where(k => !types.Any(t => t.AppliesTo(k))))
            {
                throw new ContentFileException(path, $"types: no pledge applies to \"{SignerKeys.Name(kind)}\"");
            }

            return new PledgeCatalog(campaign, types);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ContentFileException(path, ex is KeyNotFoundException ? "\"campaign\" or \"types\" is missing" : "invalid JSON (" + ex.Message + ")");
        }
    }

    private static PledgeCampaign ReadCampaign(string path, JsonElement item)
    {
        var year = item.TryGetProperty("year", out var y) && y.TryGetInt32(out var value) ? value : 0;
        if (year is < 2000 or > 2100)
        {
            throw new ContentFileException(path, "campaign: \"year\" must be a year such as 2026");
        }

        var opens = Date(path, item, "opens");
        var closes = Date(path, item, "closes");
        return closes < opens
            ? throw new ContentFileException(path, $"campaign: \"closes\" ({closes:yyyy-MM-dd}) is before \"opens\" ({opens:yyyy-MM-dd})")
            : new PledgeCampaign(year, opens, closes);
    }

    private static DateOnly Date(string path, JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ContentFileException(path, $"campaign: \"{name}\" must be a date written YYYY-MM-DD");

    private static PledgeType Type(string path, string entry, JsonElement item)
    {
        var id = Text(path, entry, item, "id");
        if (id.Length > 16 || !id.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            throw new ContentFileException(path, $"{entry}: id \"{id}\" must be 1-16 of a-z and '-'");
        }

        var version = Text(path, entry, item, "version");
        if (version.Length > 16)
        {
            throw new ContentFileException(path, $"{entry}: version \"{version}\" is longer than 16 characters");
        }

        var kinds = new HashSet<SignerKind>();
        foreach (var kind in item.GetProperty("kinds").EnumerateArray())
        {
            kinds.Add(SignerKeys.Parse(kind.GetString()) ?? throw new ContentFileException(path, $"{entry}: kind \"{kind}\" must be household, business, school or individual"));
        }

        if (kinds.Count == 0)
        {
            throw new ContentFileException(path, $"{entry}: \"kinds\" is empty");
        }

        var commitments = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var language in Languages.All)
        {
            var lines = item.GetProperty("text").TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.Array
                ? text.EnumerateArray().Select(l => VietnameseText.Nfc(l.GetString()?.Trim()) ?? "").ToList()
                : [];
            if (lines.Count == 0 || lines.Any(l => l.Length == 0))
            {
                throw new ContentFileException(path, $"{entry}: text.{language} must list the commitments, none empty");
            }

            commitments[language] = lines;
        }

        return new PledgeType(id, version, kinds, PerLanguage(path, entry, item, "name"), PerLanguage(path, entry, item, "title"), commitments);
    }

    private static Dictionary<string, string> PerLanguage(string path, string entry, JsonElement item, string name) =>
        Languages.All.ToDictionary(l => l, l => item.TryGetProperty(name, out var value)
            ? VietnameseText.Nfc(Text(path, $"{entry}: {name}", value, l))!
            : throw new ContentFileException(path, $"{entry}: \"{name}\" is missing"));

    private static string Text(string path, string entry, JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : throw new ContentFileException(path, $"{entry}: \"{name}\" is missing or empty");
}
