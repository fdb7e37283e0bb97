using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Antq.Testing;

/// <summary>Files: getFile answers a path, and /file/bot{token}/{path} serves the bytes, as the Bot API does.</summary>
public sealed partial class FakeBotApi
{
    /// <summary>The bytes of a file id; null makes the download answer 404. By default a small JPEG (<see cref="TestImages.Jpeg"/>).</summary>
    public Func<string, byte[]?> FileContent { get; set; } = _ => DefaultFile;

    private static readonly byte[] DefaultFile = TestImages.Jpeg();

    private async Task ServeFileAsync(HttpContext context, string filePath, DateTimeOffset receivedAt)
    {
        var fileId = filePath.StartsWith("files/", StringComparison.Ordinal) ? filePath["files/".Length..] : filePath;
        var failure = TakeFailure("download", null);
        var content = failure is null ? FileContent(fileId) : null;
        Record("download", new JsonObject { ["file_path"] = filePath }, [], null, receivedAt, content is null ? 404 : 200, null, "");
        if (content is null)
        {
            context.Response.StatusCode = failure?.ErrorCode ?? 404;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
    }
}
