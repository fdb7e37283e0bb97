using System.Globalization;

namespace Antq.Core.Residents.Steps;

/// <summary>
/// The buttons of the area steps, built by <see cref="AreaStep"/> and read back from this one place: a ward
/// (<c>ward:ID</c>), a unit (<c>unit:ID</c>) or a page of units (<c>page:N</c>). Whether the ward or unit exists is
/// the area tree's question, not the codec's.
/// </summary>
public sealed record AreaButton(AreaButtonKind Kind, string Value)
{
    private static readonly Dictionary<AreaButtonKind, string> Prefixes = new()
    {
        [AreaButtonKind.Ward] = "ward:",
        [AreaButtonKind.Unit] = "unit:",
        [AreaButtonKind.Page] = "page:",
    };

    public static AreaButton Ward(string id) => new(AreaButtonKind.Ward, id);

    public static AreaButton Unit(string id) => new(AreaButtonKind.Unit, id);

    public static AreaButton Page(int page) => new(AreaButtonKind.Page, page.ToString(CultureInfo.InvariantCulture));

    public string Data => Prefixes[Kind] + Value;

    /// <summary>The page of a page button; null for other buttons or a page that is not a number.</summary>
    public int? PageNumber => Kind == AreaButtonKind.Page && int.TryParse(Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var page) ? page : null;

    /// <summary>The button in <paramref name="data"/>; null when it is not an area button.</summary>
    public static AreaButton? Parse(string? data)
    {
        foreach (var (kind, prefix) in Prefixes)
        {
            if (data?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                return new AreaButton(kind, data[prefix.Length..]);
            }
        }

        return null;
    }
}
