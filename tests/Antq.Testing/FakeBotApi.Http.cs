using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Antq.Testing;

/// <summary>The HTTP side: routing, parameter parsing, error and result envelopes.</summary>
public sealed partial class FakeBotApi
{
    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var aborted = context.RequestAborted;

        // /bot{token}/{method}; Telegram.Bot never adds anything after the method name.
        var path = context.Request.Path.Value ?? "";
        if (path.StartsWith("/file/bot" + Token + "/", StringComparison.Ordinal))
        {
            await ServeFileAsync(context, path[("/file/bot" + Token + "/").Length..], receivedAt).ConfigureAwait(false);
            return;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].StartsWith("bot", StringComparison.Ordinal))
        {
            await AnswerErrorAsync(context, Record(path, new JsonObject(), [], null, receivedAt, 404, null, ErrorJson(404, "Not Found", null))).ConfigureAwait(false);
            return;
        }

        var method = BotApiMethods.Normalize(parts[1]);
        JsonObject body;
        IReadOnlyList<RecordedFile> files;
        try
        {
            (body, files) = await ReadParametersAsync(context.Request, aborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
        {
            var bad = ErrorJson(400, "Bad Request: can't parse request: " + e.Message, null);
            await AnswerErrorAsync(context, Record(method, new JsonObject(), [], context.Request.ContentType, receivedAt, 400, null, bad)).ConfigureAwait(false);
            return;
        }

        if (parts[0][3..] != Token)
        {
            await AnswerErrorAsync(context, Record(method, body, files, context.Request.ContentType, receivedAt, 401, null, ErrorJson(401, "Unauthorized", null))).ConfigureAwait(false);
            return;
        }

        if (await WaitInHoldAsync(method, aborted).ConfigureAwait(false))
        {
            Record(method, body, files, context.Request.ContentType, receivedAt, 0, null, "");
            context.Abort();
            return;
        }

        if ((TakeFailure(method, RecordedCall.AsString(body["chat_id"])) ?? TakeRateToken(method)) is { } failure)
        {
            if (failure.Disconnect)
            {
                Record(method, body, files, context.Request.ContentType, receivedAt, 0, null, "");
                context.Abort();
                return;
            }

            var json = ErrorJson(failure.ErrorCode, failure.Description, failure.RetryAfter);
            await AnswerErrorAsync(context, Record(method, body, files, context.Request.ContentType, receivedAt, failure.ErrorCode, null, json)).ConfigureAwait(false);
            return;
        }

        JsonNode result;
        try
        {
            result = method == "getUpdates"
                ? await GetUpdatesAsync(body, aborted).ConfigureAwait(false)
                : BuildResult(method, body);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return; // The client went away (e.g. its polling was cancelled); nothing to answer.
        }

        var response = new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString();
        Record(method, body, files, context.Request.ContentType, receivedAt, 200, result, response);
        await WriteJsonAsync(context, 200, response).ConfigureAwait(false);
    }

    private static async Task<(JsonObject Body, IReadOnlyList<RecordedFile> Files)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        var files = new List<RecordedFile>();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, values) in form)
            {
                body[key] = values.ToString();
            }

            foreach (var f in form.Files)
            {
                using var content = new MemoryStream();
                await f.CopyToAsync(content, cancellationToken).ConfigureAwait(false);
                files.Add(new RecordedFile(f.Name, f.FileName, f.ContentType, f.Length) { Content = content.ToArray() });
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrWhiteSpace(text))
            {
                body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("the body is not a JSON object");
                Materialize(body);
            }
        }

        foreach (var (key, values) in request.Query)
        {
            if (!body.ContainsKey(key))
            {
                body[key] = values.ToString();
            }
        }

        return (body, files);
    }

    /// <summary>Forces lazily parsed nodes to build their children now, so concurrent readers never race.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    Materialize(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    Materialize(child);
                }

                break;
        }
    }

    private static string ErrorJson(int errorCode, string description, int? retryAfter)
    {
        var error = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            error["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return error.ToJsonString();
    }

    private static Task AnswerErrorAsync(HttpContext context, RecordedCall call) =>
        WriteJsonAsync(context, call.StatusCode, call.ResponseJson);

    private static async Task WriteJsonAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted).ConfigureAwait(false);
    }
}
