namespace Antq.Core.Tips;

/// <summary>
/// A category button in the tip flow (<c>tipcat:ID</c>): offered by <see cref="TipPrompts"/> and read by
/// <see cref="TipFlow"/> from this one place. Whether the category exists is the catalog's question, not the codec's.
/// </summary>
public sealed record TipCategoryButton(string CategoryId)
{
    public const string Prefix = "tipcat:";

    public string Data => Prefix + CategoryId;

    /// <summary>The category in <paramref name="data"/>; null when it is not a category button.</summary>
    public static TipCategoryButton? Parse(string? data) =>
        data?.StartsWith(Prefix, StringComparison.Ordinal) == true ? new TipCategoryButton(data[Prefix.Length..]) : null;
}
