using System.Security.Cryptography;

namespace Antq.Bot.Hosting;

/// <summary>
/// Files a web part of the service serves from the assembly (the web chat's page, the console's style and script):
/// nothing comes from elsewhere, and each answers with a content hash as its ETag.
/// </summary>
public abstract class EmbeddedAssets
{
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    /// <param name="prefix">The logical name's folder the project file embeds them under (<c>webchat/</c>).</param>
    /// <param name="files">Each file's name and content type.</param>
    protected EmbeddedAssets(string prefix, IEnumerable<(string Name, string ContentType)> files)
    {
        foreach (var (name, type) in files)
        {
            using var stream = GetType().Assembly.GetManifestResourceStream(prefix + name)
                ?? throw new InvalidOperationException($"The asset {prefix}{name} is not embedded in the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            _assets[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    public Asset? Find(string name) => _assets.GetValueOrDefault(name);

    /// <summary>The asset, revalidated on each use (no-cache) and answered 304 when the browser's copy is current.</summary>
    public IResult Serve(string name, HttpContext http)
    {
        if (Find(name) is not { } found)
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

    public sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
