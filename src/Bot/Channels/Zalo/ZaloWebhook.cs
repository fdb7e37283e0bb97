using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// The webhook endpoint: checks Zalo's signature on the raw body before anything parses it, refuses an event whose
/// timestamp is more than <see cref="MaxClockDistance"/> from now (a captured event replayed later), stores the event,
/// then answers 200 (Zalo wants an answer within 2 s; a retry of a stored event is handled once, by msg_id).
/// </summary>
public static partial class ZaloWebhook
{
    /// <summary>How far an event's timestamp may be from the service's clock, either way.</summary>
    public static readonly TimeSpan MaxClockDistance = TimeSpan.FromMinutes(5);

    private const int MaxBodyBytes = 1_000_000;

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, async (HttpContext http, ZaloIntake intake, TimeProvider time, ILoggerFactory logs) =>
        {
            if (ZaloSignature.Parse(http.Request.Headers[ZaloSignature.Header].ToString()) is not { } given)
            {
                return Results.Unauthorized();
            }

            if (await RequestBody.ReadAsync(http, MaxBodyBytes) is not { } body)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            // Whatever the body is (malformed JSON included), without a valid signature it is 401.
            if (ZaloSignature.Timestamp(body) is not { } timestamp || !ZaloSignature.Matches(given, options.AppId, body, timestamp, options.OaSecretKey))
            {
                return Results.Unauthorized();
            }

            var age = ZaloSignature.Age(timestamp, time.GetUtcNow());
            if (age is null)
            {
                return Results.BadRequest("The timestamp is not Unix milliseconds.");
            }

            if (age.Value.Duration() > MaxClockDistance)
            {
                LogStale(logs.CreateLogger(typeof(ZaloWebhook)), (int)age.Value.TotalSeconds);
                return Results.Unauthorized();
            }

            JsonElement root;
            try
            {
                using var document = JsonDocument.Parse(body);
                root = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Results.BadRequest("Malformed event JSON.");
            }

            await intake.AcceptAsync(ZaloEventMapper.Map(root), http.RequestAborted);
            return Results.Ok();
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A signed Zalo event was refused: its timestamp is {AgeSeconds} s from the service's clock (a replay, or a clock out of sync)")]
    private static partial void LogStale(ILogger logger, int ageSeconds);
}
