using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    /// <summary>The Zalo app's id; empty: the Zalo channel is off.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's secret key, sent to OAuth when the access token is refreshed.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The OA secret key that signs webhook events (X-ZEvent-Signature).</summary>
    public string OaSecretKey { get; set; } = "";

    /// <summary>The first refresh token; later ones are kept (sealed) in the database.</summary>
    public string RefreshToken { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Where Zalo posts webhook events (the URL set in the Zalo developer console ends with it).</summary>
    public string WebhookPath { get; set; } = "/zalo/webhook";

    /// <summary>Requests a minute to Zalo's Open API (Zalo allows about 4,000 per app).</summary>
    public int RequestsPerMinute { get; set; } = 4000;

    /// <summary>Sustained messages a second to one user.</summary>
    public double PerUserPerSecond { get; set; } = 1;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId);
}

/// <summary>Stops start-up on a bad Zalo setting, naming the key.</summary>
public sealed class ZaloOptionsValidation : IValidateOptions<ZaloOptions>
{
    public ValidateOptionsResult Validate(string? name, ZaloOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        foreach (var (key, value) in new[] { ("Zalo:SecretKey", options.SecretKey), ("Zalo:OaSecretKey", options.OaSecretKey), ("Zalo:RefreshToken", options.RefreshToken) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{key} is required when Zalo:AppId is set.");
            }
        }

        foreach (var (key, value) in new[] { ("Zalo:ApiBaseUrl", options.ApiBaseUrl), ("Zalo:OAuthBaseUrl", options.OAuthBaseUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                failures.Add($"{key} must be an absolute http(s) URL (got '{value}').");
            }
        }

        if (string.IsNullOrWhiteSpace(options.WebhookPath) || options.WebhookPath[0] != '/')
        {
            failures.Add($"Zalo:WebhookPath must be a path starting with '/' (got '{options.WebhookPath}').");
        }

        if (options.RequestsPerMinute < 1 || options.PerUserPerSecond <= 0)
        {
            failures.Add("Zalo:RequestsPerMinute must be at least 1 and Zalo:PerUserPerSecond more than 0.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
