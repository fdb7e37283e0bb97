using Antq.Core.Locale;

namespace Antq.Core.Tips;

/// <summary>
/// A tip's text folded once, when it is written (<see cref="Tip.SearchText"/>), so that a search of the queue is a
/// plain substring test of a stored column for each word, not a fold of every row at every query.
/// </summary>
public static class TipSearch
{
    /// <summary>Room for a folded description (2,000) and place (300) with the space between.</summary>
    public const int MaxLength = 2400;

    /// <summary>Description and place, diacritics and case folded (đ → d), spacing collapsed.</summary>
    public static string TextOf(string? description, string? place)
    {
        var text = VietnameseText.Fold((description ?? "") + " " + (place ?? ""));
        return text.Length > MaxLength ? text[..MaxLength] : text;
    }

    /// <summary>The folded words of what an officer typed; a tip matches when its text contains every one.</summary>
    public static IReadOnlyList<string> Words(string? search) =>
        string.IsNullOrWhiteSpace(search) ? [] : VietnameseText.Fold(search).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();

    /// <summary>The escape character of the search's LIKE patterns.</summary>
    public const string LikeEscape = "\\";

    /// <summary>
    /// A word as a literal inside a LIKE pattern: its <c>%</c>, <c>_</c> and escape character escaped (folding drops
    /// them today; the pattern must not depend on that).
    /// </summary>
    public static string EscapeLike(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
