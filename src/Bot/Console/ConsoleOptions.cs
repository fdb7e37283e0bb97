using Microsoft.Extensions.Options;

namespace Antq.Bot.WebConsole;

/// <summary>The officers' web console at <c>/console</c>: where its links point and how long a session lasts.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// The public address officers open (e.g. <c>https://antq.example.vn</c>), for the sign-in links the bot sends.
    /// Empty: the origin of <c>Telegram:WebhookUrl</c> when set, else the address the service listens on.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>A session with no request for this long ends; each request moves the end (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where the keys that protect console cookies are kept (relative to the root), so sessions survive a restart.</summary>
    public string KeysFolder { get; set; } = Path.Combine("data", "keys", "console");

    /// <summary>
    /// The city's tile server, as an XYZ template (<c>https://tiles.example.vn/{z}/{x}/{y}.png</c>): a tip's page then
    /// shows a map of a shared location. Empty (the default): the coordinates and a link only. The officer's browser
    /// fetches the tiles, so the tile server learns which area is looked at: use one the city runs or trusts.
    /// </summary>
    public string MapTiles { get; set; } = "";

    /// <summary>What the tile server's licence asks to show under its map (e.g. "© OpenStreetMap contributors").</summary>
    public string MapAttribution { get; set; } = "";

    /// <summary>The map's zoom level: 16 shows a few streets around the point.</summary>
    public int MapZoom { get; set; } = 16;
}

/// <summary>Stops start-up on a bad console setting, naming the key.</summary>
public sealed class ConsoleOptionsValidation : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var failures = new List<string>();
        if (options.PublicUrl.Length > 0 && !(Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
        {
            failures.Add($"Console:PublicUrl must be an http(s) address such as https://antq.example.vn (got '{options.PublicUrl}').");
        }

        if (options.IdleTimeout < TimeSpan.FromMinutes(5) || options.IdleTimeout > TimeSpan.FromDays(30))
        {
            failures.Add($"Console:IdleTimeout must be between 00:05:00 and 30.00:00:00 (got {options.IdleTimeout}).");
        }

        if (options.MapTiles.Length > 0 && (ConsoleMap.Origin(options.MapTiles) is null
            || !options.MapTiles.Contains("{z}", StringComparison.Ordinal) || !options.MapTiles.Contains("{x}", StringComparison.Ordinal) || !options.MapTiles.Contains("{y}", StringComparison.Ordinal)))
        {
            failures.Add($"Console:MapTiles must be an http(s) tile address with {{z}}, {{x}} and {{y}}, such as https://tiles.example.vn/{{z}}/{{x}}/{{y}}.png (got '{options.MapTiles}').");
        }

        if (options.MapZoom is < 1 or > 19)
        {
            failures.Add($"Console:MapZoom must be between 1 and 19 (got {options.MapZoom}).");
        }

        if (options.MapAttribution.Length > 200)
        {
            failures.Add("Console:MapAttribution must be at most 200 characters.");
        }

        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            failures.Add("Console:KeysFolder must name a folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
