using System.Globalization;

namespace Antq.Core.InfoDesk;

/// <summary>
/// A page of the ward's recent notices (<c>notices:PAGE</c>, as in buttons already sent to chats): offered by the
/// info card and the notices pages, read by <see cref="InfoRoutes"/>, built and parsed here only.
/// </summary>
public sealed record NoticesPageButton(int Page)
{
    public const string Prefix = "notices:";

    public string Data => Prefix + Page.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when the data belongs to this family (well formed or not).</summary>
    public static bool Owns(string? data) => data?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The page in <paramref name="data"/>; null when it is not a well-formed notices button.</summary>
    public static NoticesPageButton? Parse(string? data) =>
        Owns(data) && int.TryParse(data![Prefix.Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) && page >= 0
            ? new NoticesPageButton(page)
            : null;
}
