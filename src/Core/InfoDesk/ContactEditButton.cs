namespace Antq.Core.InfoDesk;

/// <summary>
/// An entry of the contact book (<c>ctentry:ID</c>) or one of its fields (<c>ctfield:phone</c>) in the officers'
/// /contact flow, as in buttons already sent to chats: offered and read by <see cref="ContactEditFlow"/>, built and
/// parsed here only. Exactly one of the two is set.
/// </summary>
public sealed record ContactEditButton(string? EntryId, string? Field)
{
    private const string EntryPrefix = "ctentry:";
    private const string FieldPrefix = "ctfield:";

    public static ContactEditButton Entry(string entryId) => new(entryId, null);

    public static ContactEditButton ForField(string field) => new(null, field);

    public string Data => EntryId is { } id ? EntryPrefix + id : FieldPrefix + Field;

    /// <summary>The entry or field in <paramref name="data"/>; null when it is not a /contact button.</summary>
    public static ContactEditButton? Parse(string? data) => data switch
    {
        null => null,
        _ when data.StartsWith(EntryPrefix, StringComparison.Ordinal) => Entry(data[EntryPrefix.Length..]),
        _ when data.StartsWith(FieldPrefix, StringComparison.Ordinal) => ForField(data[FieldPrefix.Length..]),
        _ => null,
    };
}
