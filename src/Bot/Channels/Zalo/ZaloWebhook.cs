using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.Zalo;

/// <summary>
/// The webhook endpoint: checks Zalo's signature on the raw body, stores the event, then answers 200 (Zalo wants
/// an answer within 2 s and retries after 30 s, 5, 15, 30 min and 1 h: a retry is handled once, by msg_id).
/// </summary>
public static class ZaloWebhook
{
    private const int MaxBodyBytes = 1_000_000;

    public static IEndpointRouteBuilder MapZaloWebhook(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ZaloOptions>>().Value;
        if (!options.Enabled)
        {
            return app;
        }

        app.MapPost(options.WebhookPath, async (HttpContext http, ZaloIntake intake) =>
        {
            if (ZaloSignature.Parse(http.Request.Headers[ZaloSignature.Header].ToString()) is not { } given)
            {
                return Results.Unauthorized();
            }

            if (http.Request.ContentLength > MaxBodyBytes)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var body = await ReadAsync(http.Request.Body, http.RequestAborted);
            if (body is null)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
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

            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("timestamp", out var stamp) || stamp.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return Results.BadRequest("An event is a JSON object with a timestamp.");
            }

            var timestamp = stamp.ValueKind == JsonValueKind.String ? stamp.GetString()! : stamp.GetRawText();
            if (!ZaloSignature.Matches(given, options.AppId, body, timestamp, options.OaSecretKey))
            {
                return Results.Unauthorized();
            }

            await intake.AcceptAsync(ZaloEventMapper.Map(root), http.RequestAborted);
            return Results.Ok();
        });
        return app;
    }

    private static async Task<byte[]?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}
