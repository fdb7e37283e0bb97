namespace Antq.Core.InfoDesk;

/// <summary>
/// Someone a resident can reach: an area officer (cán bộ công an khu vực) of some units, or a ward's police post.
/// Read from <c>config/contacts.json</c>; an officer's own updates from chat (<see cref="ContactOverride"/>) win.
/// </summary>
public sealed record AreaContact(string Id, string WardId, IReadOnlyList<string> UnitIds, string Name, string? Rank, string Phone, string Hours, string Address)
{
    public const string PostPrefix = "post-";

    /// <summary>The fields an officer may change from chat, as stored in <see cref="ContactOverride.Field"/>.</summary>
    public static readonly IReadOnlyList<string> Fields = ["name", "rank", "phone", "hours", "address"];

    /// <summary>The working hours in English (<c>hours_en</c>), for English-speaking residents; null: only <see cref="Hours"/>.</summary>
    public string? HoursEn { get; init; }

    public bool IsPost => Id.StartsWith(PostPrefix, StringComparison.Ordinal);

    /// <summary>The working hours in <paramref name="language"/> where the contacts file gives them, else as written.</summary>
    public string HoursIn(string language) => language == "en" && HoursEn is { } en ? en : Hours;

    public AreaContact With(string field, string value) => field switch
    {
        "name" => this with { Name = value },
        "rank" => this with { Rank = value },
        "phone" => this with { Phone = value },
        "hours" => this with { Hours = value, HoursEn = null }, // an officer's own update wins over the file's English
        "address" => this with { Address = value },
        _ => this,
    };

    /// <summary>The same contact with the stored updates applied.</summary>
    public AreaContact With(IEnumerable<ContactOverride> overrides) =>
        overrides.Where(o => o.EntryId == Id).Aggregate(this, (c, o) => c.With(o.Field, o.Value));

    /// <summary>A phone number as people write it: digits with spaces, dots, dashes, a leading + or brackets; 3 to 15 digits.</summary>
    public static bool IsPhone(string text) =>
        text.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')') && text.Count(char.IsAsciiDigit) is >= 3 and <= 15;
}
