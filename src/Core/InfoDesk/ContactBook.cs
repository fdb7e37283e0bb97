using System.Text.Json;
using Antq.Core.Areas;
using Antq.Core.Locale;

namespace Antq.Core.InfoDesk;

/// <summary>
/// The area officers and ward police posts of <c>config/contacts.json</c>, checked against the area tree at start-up:
/// every ward has a post; a unit has at most one officer. A unit without an officer is served by its ward's post.
/// </summary>
public sealed class ContactBook
{
    public const int MaxFieldLength = 200;

    private readonly Dictionary<string, AreaContact> _byId;
    private readonly Dictionary<string, AreaContact> _byUnit = [];

    public ContactBook(IReadOnlyList<AreaContact> contacts)
    {
        Contacts = contacts;
        _byId = contacts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var contact in contacts.Where(c => !c.IsPost))
        {
            foreach (var unit in contact.UnitIds)
            {
                _byUnit[unit] = contact;
            }
        }
    }

    public IReadOnlyList<AreaContact> Contacts { get; }

    public AreaContact? Find(string id) => _byId.GetValueOrDefault(id);

    public AreaContact? OfficerOf(string? unitId) => unitId is null ? null : _byUnit.GetValueOrDefault(unitId);

    public AreaContact? PostOf(string? wardId) => wardId is null ? null : _byId.GetValueOrDefault(AreaContact.PostPrefix + wardId);

    /// <summary>The contacts an officer of <paramref name="wardId"/> may update (all of them for an admin: null).</summary>
    public IReadOnlyList<AreaContact> Editable(string? wardId) => [.. Contacts.Where(c => wardId is null || c.WardId == wardId)];

    public static ContactBook Load(string path, AreaTree areas)
    {
        if (!File.Exists(path))
        {
            throw new ContentFileException(path, "file not found");
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var contacts = new List<AreaContact>();
            var index = 0;
            foreach (var item in doc.RootElement.GetProperty("posts").EnumerateArray())
            {
                var at = $"posts[{index++}]";
                var ward = areas.FindWard(Required(path, at, item, "ward")) is { } w && w.Id == Required(path, at, item, "ward")
                    ? w
                    : throw new ContentFileException(path, $"{at}: ward \"{Required(path, at, item, "ward")}\" is not a ward id in the areas file");
                if (contacts.Any(c => c.WardId == ward.Id))
                {
                    throw new ContentFileException(path, $"{at}: ward \"{ward.Id}\" has a post already");
                }

                contacts.Add(Contact(path, at, item, AreaContact.PostPrefix + ward.Id, ward.Id, []));
            }

            foreach (var missing in areas.Wards.Where(w => !contacts.Any(c => c.WardId == w.Id)))
            {
                throw new ContentFileException(path, $"posts: ward \"{missing.Id}\" has no post (every ward needs one: residents without an area officer are sent there)");
            }

            index = 0;
            foreach (var item in doc.RootElement.GetProperty("officers").EnumerateArray())
            {
                contacts.Add(Officer(path, $"officers[{index++}]", item, areas, contacts));
            }

            return new ContactBook(contacts);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ContentFileException(path, ex is KeyNotFoundException ? "\"posts\" or \"officers\" is missing" : "invalid JSON (" + ex.Message + ")");
        }
    }

    private static AreaContact Officer(string path, string at, JsonElement item, AreaTree areas, List<AreaContact> known)
    {
        var id = Required(path, at, item, "id");
        if (id.Length > AreaTreeLoader.MaxIdLength || id.StartsWith(AreaContact.PostPrefix, StringComparison.Ordinal) || !id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ContentFileException(path, $"{at}: id \"{id}\" must be 1-{AreaTreeLoader.MaxIdLength} of a-z, 0-9 and '-', not starting with \"{AreaContact.PostPrefix}\"");
        }

        at += $" \"{id}\"";
        if (known.Any(c => c.Id == id))
        {
            throw new ContentFileException(path, $"{at}: id is used twice");
        }

        var units = item.TryGetProperty("units", out var u) && u.ValueKind == JsonValueKind.Array ? u.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        if (units.Count == 0)
        {
            throw new ContentFileException(path, $"{at}: \"units\" must list the unit ids the officer serves");
        }

        var wardId = areas.FindUnit(units[0])?.WardId;
        foreach (var unitId in units)
        {
            var unit = areas.FindUnit(unitId) ?? throw new ContentFileException(path, $"{at}: unit \"{unitId}\" is not a unit id in the areas file");
            if (unit.WardId != wardId)
            {
                throw new ContentFileException(path, $"{at}: units must all be in one ward (\"{unitId}\" is in \"{unit.WardId}\", not \"{wardId}\")");
            }

            if (known.FirstOrDefault(c => c.UnitIds.Contains(unit.Id)) is { } other)
            {
                throw new ContentFileException(path, $"{at}: unit \"{unitId}\" already has an officer (\"{other.Id}\")");
            }
        }

        return Contact(path, at, item, id, wardId!, [.. units.Select(x => areas.FindUnit(x)!.Id)]);
    }

    private static AreaContact Contact(string path, string at, JsonElement item, string id, string wardId, IReadOnlyList<string> units)
    {
        var phone = Required(path, at, item, "phone");
        if (!AreaContact.IsPhone(phone))
        {
            throw new ContentFileException(path, $"{at}: phone \"{phone}\" is not a phone number");
        }

        var rank = item.TryGetProperty("rank", out var r) && r.ValueKind == JsonValueKind.String ? Field(path, at, "rank", r.GetString()) : null;
        var hoursEn = item.TryGetProperty("hours_en", out var h) && h.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(h.GetString()) ? Field(path, at, "hours_en", h.GetString()) : null;
        return new AreaContact(id, wardId, units, Required(path, at, item, "name"), rank, phone, Required(path, at, item, "hours"), Required(path, at, item, "address")) { HoursEn = hoursEn };
    }

    private static string Required(string path, string at, JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? Field(path, at, name, value.GetString())!
            : throw new ContentFileException(path, $"{at}: \"{name}\" is missing or empty");

    private static string? Field(string path, string at, string name, string? value)
    {
        var text = VietnameseText.Nfc(value?.Trim());
        return text?.Length > MaxFieldLength ? throw new ContentFileException(path, $"{at}: \"{name}\" is longer than {MaxFieldLength} characters") : text;
    }
}
