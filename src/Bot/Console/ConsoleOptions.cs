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

        if (string.IsNullOrWhiteSpace(options.KeysFolder))
        {
            failures.Add("Console:KeysFolder must name a folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
