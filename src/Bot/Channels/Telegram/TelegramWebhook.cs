using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using global::Telegram.Bot;
using global::Telegram.Bot.Types;

namespace Antq.Bot.Channels.Telegram;

/// <summary>The webhook endpoint: checks the secret, stores the update, then answers 200.</summary>
public static class TelegramWebhook
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";
    private const int MaxBodyBytes = 1_000_000;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!options.Enabled || options.Mode != TelegramMode.Webhook)
        {
            return app;
        }

        var path = new Uri(options.WebhookUrl!).AbsolutePath;
        var secret = Encoding.UTF8.GetBytes(options.WebhookSecret!);
        app.MapPost(path, async (HttpContext http, TelegramIntake intake) =>
        {
            var given = http.Request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), secret))
            {
                return Results.Unauthorized();
            }

            if (await RequestBody.ReadAsync(http, MaxBodyBytes) is not { } body)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            Update? update;
            try
            {
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest("Malformed update JSON.");
            }

            if (update is null)
            {
                return Results.BadRequest("Empty update.");
            }

            await intake.AcceptAsync([update], http.RequestAborted);
            return Results.Ok();
        });
        return app;
    }
}
