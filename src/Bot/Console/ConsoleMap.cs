using System.Globalization;

namespace Antq.Bot.WebConsole;

/// <summary>
/// A small map around a shared location, drawn from the tiles of the city's own tile server (<c>Console:MapTiles</c>, an
/// XYZ template such as <c>https://tiles.example.vn/{z}/{x}/{y}.png</c>): the 3 × 3 tiles around the point, placed in
/// an SVG whose view is centred on it, with a marker. SVG attributes rather than inline styles, so the console's
/// content security policy stays without <c>'unsafe-inline'</c>; the officer's browser fetches the tiles itself.
/// </summary>
public sealed record ConsoleMap(string ViewBox, IReadOnlyList<MapTile> Tiles, double MarkerX, double MarkerY)
{
    public const int TileSize = 256;

    /// <summary>The view's size in the SVG's units: wider than high, as a phone or a desk shows a strip of map.</summary>
    public const int ViewWidth = 640;

    public const int ViewHeight = 360;

    /// <summary>
    /// The map around (<paramref name="latitude"/>, <paramref name="longitude"/>) at <paramref name="zoom"/>, or null
    /// when the point cannot be drawn (outside the Web Mercator range, or no template).
    /// </summary>
    public static ConsoleMap? Around(double latitude, double longitude, int zoom, string? template)
    {
        if (string.IsNullOrEmpty(template) || !double.IsFinite(latitude) || !double.IsFinite(longitude)
            || Math.Abs(latitude) > 85.0511 || Math.Abs(longitude) > 180)
        {
            return null;
        }

        // Web Mercator, as every XYZ tile server cuts its tiles (the "slippy map" numbering).
        var n = 1 << zoom;
        var x = (longitude + 180.0) / 360.0 * n;
        var radians = latitude * Math.PI / 180.0;
        var y = (1.0 - Math.Log(Math.Tan(radians) + 1.0 / Math.Cos(radians)) / Math.PI) / 2.0 * n;
        var tileX = (int)Math.Floor(x);
        var tileY = (int)Math.Floor(y);

        // Tiles around the point's tile; columns wrap round the date line, rows past the poles are left out.
        var tiles = new List<MapTile>(9);
        for (var row = -1; row <= 1; row++)
        {
            for (var column = -1; column <= 1; column++)
            {
                var ty = tileY + row;
                if (ty < 0 || ty >= n)
                {
                    continue;
                }

                var tx = ((tileX + column) % n + n) % n;
                tiles.Add(new MapTile(Url(template, zoom, tx, ty), (column + 1) * TileSize, (row + 1) * TileSize));
            }
        }

        // The point in the 3 × 3 grid's units, and the view centred on it.
        var markerX = TileSize + (x - tileX) * TileSize;
        var markerY = TileSize + (y - tileY) * TileSize;
        var viewBox = string.Create(CultureInfo.InvariantCulture, $"{markerX - ViewWidth / 2.0:0.#} {markerY - ViewHeight / 2.0:0.#} {ViewWidth} {ViewHeight}");
        return new ConsoleMap(viewBox, tiles, Math.Round(markerX, 1), Math.Round(markerY, 1));
    }

    /// <summary>The template with its placeholders filled; nothing else of it changes.</summary>
    public static string Url(string template, int zoom, int x, int y) => template
        .Replace("{z}", zoom.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{x}", x.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{y}", y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// The tile server's origin for the content security policy (<c>img-src</c>), or null when the template is not an
    /// absolute http(s) address.
    /// </summary>
    public static string? Origin(string? template) =>
        !string.IsNullOrEmpty(template) && Uri.TryCreate(Url(template, 0, 0, 0), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url.GetLeftPart(UriPartial.Authority)
            : null;
}

/// <summary>One tile of a <see cref="ConsoleMap"/>: its address and where it sits in the grid.</summary>
public sealed record MapTile(string Url, int X, int Y);
