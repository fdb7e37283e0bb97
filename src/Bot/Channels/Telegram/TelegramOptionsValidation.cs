using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Telegram;

/// <summary>Stops start-up on a bad Telegram setting, naming the key.</summary>
public sealed partial class TelegramOptionsValidation : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (options.Enabled && !TokenShape().IsMatch(options.BotToken))
        {
            failures.Add("Telegram:BotToken does not look like a bot token (digits, a colon, then letters, digits, '_' or '-'), as @BotFather gives it.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"Telegram:ApiBaseUrl must be an absolute http(s) URL (got '{options.ApiBaseUrl}').");
        }

        if (options.Enabled && options.Mode == TelegramMode.Webhook)
        {
            if (string.IsNullOrWhiteSpace(options.WebhookUrl) || !IsHttpUrl(options.WebhookUrl))
            {
                failures.Add("Telegram:WebhookUrl is required in webhook mode: the public https URL Telegram posts updates to.");
            }

            if (string.IsNullOrEmpty(options.WebhookSecret) || !SecretShape().IsMatch(options.WebhookSecret))
            {
                failures.Add("Telegram:WebhookSecret is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, '_' and '-'.");
            }
        }

        if (options.PollingTimeoutSeconds is < 0 or > 50)
        {
            failures.Add($"Telegram:PollingTimeoutSeconds must be between 0 and 50 (got {options.PollingTimeoutSeconds}).");
        }

        var rate = options.RateLimit;
        if (rate.PerSecond <= 0)
        {
            failures.Add($"Telegram:RateLimit:PerSecond must be above 0 (got {rate.PerSecond}).");
        }

        if (rate.PerChatPerSecond <= 0)
        {
            failures.Add($"Telegram:RateLimit:PerChatPerSecond must be above 0 (got {rate.PerChatPerSecond}).");
        }

        if (rate.PerChatBurst < 1)
        {
            failures.Add($"Telegram:RateLimit:PerChatBurst must be at least 1 (got {rate.PerChatBurst}).");
        }

        if (rate.PaidPerSecond <= 0)
        {
            failures.Add($"Telegram:RateLimit:PaidPerSecond must be above 0 (got {rate.PaidPerSecond}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex("^[0-9]+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenShape();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretShape();
}
