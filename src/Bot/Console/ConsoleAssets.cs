using System.Security.Cryptography;

namespace Antq.Bot.WebConsole;

/// <summary>The console's style and small script, embedded in the assembly: nothing comes from elsewhere, no build step.</summary>
public sealed class ConsoleAssets
{
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public ConsoleAssets()
    {
        foreach (var (name, type) in new[] { ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8"), ("icon.svg", "image/svg+xml") })
        {
            using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream("console/" + name)
                ?? throw new InvalidOperationException($"The console asset {name} is not embedded in the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            _assets[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    public static IResult Serve(string asset, HttpContext http, ConsoleAssets assets)
    {
        if (assets._assets.GetValueOrDefault(asset) is not { } found)
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = found.ETag;
        return http.Request.Headers.IfNoneMatch == found.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(found.Bytes, found.ContentType);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
