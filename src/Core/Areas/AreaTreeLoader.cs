using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Antq.Core.Locale;

namespace Antq.Core.Areas;

/// <summary>
/// Reads <c>config/areas.json</c> into an <see cref="AreaTree"/> and refuses a file that is malformed or
/// inconsistent with an <see cref="AreaFileException"/> naming the file, the entry and the problem.
/// </summary>
/// <remarks>
/// Shape: <c>{ "city": "…", "wards": [ { "id", "name", "kind": "ward|commune", "units": [ { "id", "name",
/// "kind": "block|hamlet|residential-group" } ] } ] }</c>. Comments and trailing commas are allowed; other
/// properties (<c>"_note"</c>, <c>"sample"</c>) are ignored. Names are trimmed and stored in NFC.
/// </remarks>
public static partial class AreaTreeLoader
{
    /// <summary>Ids go into button callback data (64 bytes on Telegram), so they are short ASCII.</summary>
    public const int MaxIdLength = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    /// <summary>Loads the areas file at <paramref name="path"/>; messages name the file as given.</summary>
    /// <exception cref="AreaFileException">The file is missing, unreadable, malformed or inconsistent.</exception>
    public static AreaTree Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new AreaFileException(path, string.Empty, "file not found");
        }

        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AreaFileException(path, string.Empty, $"cannot read the file ({ex.Message})", ex);
        }

        return Parse(json, path);
    }

    /// <summary>Parses the text of an areas file; <paramref name="fileName"/> is only used in messages.</summary>
    /// <exception cref="AreaFileException">The text is malformed or inconsistent.</exception>
    public static AreaTree Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new AreaFileException(fileName, Where(json, ex), $"invalid JSON ({Describe(ex)})", ex);
        }

        using (document)
        {
            return new Reader(fileName).Read(document.RootElement);
        }
    }

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    /// <summary>"line 12, position 8" (both 1-based, position counted in characters), or empty if unknown.</summary>
    private static string Where(string json, JsonException ex)
    {
        if (ex.LineNumber is not { } line)
        {
            return string.Empty;
        }

        var position = ex.BytePositionInLine ?? 0;
        var lines = json.Split('\n');
        if (line < lines.Length)
        {
            var bytes = Encoding.UTF8.GetBytes(lines[line]);
            position = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(position, bytes.Length));
        }

        return $"line {line + 1}, position {position + 1}";
    }

    /// <summary>The reader's message without its trailing "LineNumber: … | BytePositionInLine: …." (already in the entry).</summary>
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        }

        return (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
    }

    private static string Quote(string text) => $"\"{text}\"";

    private sealed class Reader(string file)
    {
        /// <summary>Every ward and unit id seen so far, with the entry where it was first seen.</summary>
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        /// <summary>Folded ward names seen so far, with the entry where each was first seen.</summary>
        private readonly Dictionary<string, string> _wardNames = new(StringComparer.Ordinal);

        public AreaTree Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail(string.Empty, "the file must be a JSON object with \"city\" and \"wards\"");
            }

            var city = RequiredName(root, "city", "city");

            if (!root.TryGetProperty("wards", out var wardsElement) || wardsElement.ValueKind == JsonValueKind.Null)
            {
                throw Fail("wards", "missing: the file must list the wards and communes");
            }

            if (wardsElement.ValueKind != JsonValueKind.Array)
            {
                throw Fail("wards", "must be a list [ … ] of wards and communes");
            }

            if (wardsElement.GetArrayLength() == 0)
            {
                throw Fail("wards", "is empty: the file must list at least one ward or commune");
            }

            var wards = new List<Ward>();
            var index = 0;
            foreach (var element in wardsElement.EnumerateArray())
            {
                wards.Add(ReadWard(element, $"wards[{index}]"));
                index++;
            }

            return new AreaTree(city, wards);
        }

        private Ward ReadWard(JsonElement element, string at)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(at, "must be an object { \"id\", \"name\", \"kind\", \"units\" }");
            }

            var id = RequiredId(element, at, "ward");
            at = $"{at} {Quote(id)}";

            var name = RequiredName(element, "name", at);
            var folded = VietnameseText.Fold(name);
            if (folded.StartsWith("phuong ", StringComparison.Ordinal) || folded.StartsWith("xa ", StringComparison.Ordinal))
            {
                throw Fail(at, $"name {Quote(name)} should not start with \"Phường\" or \"Xã\"; the kind says which it is");
            }

            if (!_wardNames.TryAdd(folded, at))
            {
                throw Fail(at, $"ward name {Quote(name)} is used twice (first at {_wardNames[folded]}); names are compared without diacritics");
            }

            var kindText = RequiredKind(element, at);
            var kind = kindText switch
            {
                "ward" => AreaKind.Ward,
                "commune" => AreaKind.Commune,
                _ => throw Fail(at, $"unknown kind {Quote(kindText)} (expected \"ward\" or \"commune\")"),
            };

            if (!element.TryGetProperty("units", out var unitsElement) || unitsElement.ValueKind == JsonValueKind.Null)
            {
                throw Fail(at, "has no units (\"units\" is missing)");
            }

            if (unitsElement.ValueKind != JsonValueKind.Array)
            {
                throw Fail(at, "\"units\" must be a list [ … ]");
            }

            if (unitsElement.GetArrayLength() == 0)
            {
                throw Fail(at, "has no units (\"units\" is empty)");
            }

            var units = new List<Unit>();
            var unitNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var unitElement in unitsElement.EnumerateArray())
            {
                var unitAt = $"{at} units[{index}]";
                var unit = ReadUnit(unitElement, unitAt, id, kind);
                if (!unitNames.TryAdd(VietnameseText.Fold(unit.Name), $"units[{index}]"))
                {
                    throw Fail(unitAt, $"unit name {Quote(unit.Name)} is used twice in this {KindWord(kind)} (first at {unitNames[VietnameseText.Fold(unit.Name)]})");
                }

                units.Add(unit);
                index++;
            }

            return new Ward(id, name, kind, units);
        }

        private Unit ReadUnit(JsonElement element, string at, string wardId, AreaKind wardKind)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(at, "must be an object { \"id\", \"name\", \"kind\" }");
            }

            var id = RequiredId(element, at, "unit");
            var name = RequiredName(element, "name", at);
            var kindText = RequiredKind(element, at);
            var kind = kindText switch
            {
                "block" => AreaKind.Block,
                "hamlet" => AreaKind.Hamlet,
                "residential-group" => AreaKind.ResidentialGroup,
                _ => throw Fail(at, $"unknown kind {Quote(kindText)} (expected \"block\", \"hamlet\" or \"residential-group\")"),
            };

            var fits = wardKind switch
            {
                AreaKind.Ward => kind is AreaKind.Block or AreaKind.ResidentialGroup,
                _ => kind is AreaKind.Hamlet,
            };
            if (!fits)
            {
                var allowed = wardKind == AreaKind.Ward
                    ? "blocks (khối) or residential groups (tổ dân phố)"
                    : "hamlets (thôn)";
                throw Fail(at, $"kind {Quote(kindText)} does not fit a {KindWord(wardKind)}, which has {allowed}");
            }

            return new Unit(id, name, kind, wardId);
        }

        private string RequiredId(JsonElement element, string at, string what)
        {
            var id = OptionalString(element, "id", at);
            if (string.IsNullOrEmpty(id))
            {
                throw Fail(at, "id is missing or empty");
            }

            if (id.Length > MaxIdLength)
            {
                throw Fail(at, $"id {Quote(id)} is too long ({id.Length} characters, at most {MaxIdLength})");
            }

            if (!IdPattern().IsMatch(id))
            {
                throw Fail(at, $"id {Quote(id)} may contain only lowercase a-z, 0-9 and '-'");
            }

            if (!_ids.TryAdd(id, at))
            {
                throw Fail(at, $"{what} id {Quote(id)} is used twice (first at {_ids[id]})");
            }

            return id;
        }

        private string RequiredName(JsonElement element, string property, string at)
        {
            var name = VietnameseText.Nfc(OptionalString(element, property, at))?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                throw Fail(at, property == "city" ? "is missing or empty" : $"{property} is missing or empty");
            }

            return name;
        }

        private string RequiredKind(JsonElement element, string at)
        {
            var kind = OptionalString(element, "kind", at);
            if (string.IsNullOrEmpty(kind))
            {
                throw Fail(at, "kind is missing or empty");
            }

            return kind;
        }

        private string? OptionalString(JsonElement element, string property, string at)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Fail(at, $"{property} must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
            }

            return value.GetString();
        }

        private static string KindWord(AreaKind kind) => kind == AreaKind.Ward ? "ward (phường)" : "commune (xã)";

        private AreaFileException Fail(string entry, string problem) => new(file, entry, problem);
    }
}
