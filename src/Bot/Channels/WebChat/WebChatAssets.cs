using System.Security.Cryptography;

namespace Antq.Bot.Channels.WebChat;

/// <summary>The page, its script and its style, embedded in the assembly: nothing comes from elsewhere.</summary>
public sealed class WebChatAssets
{
    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public WebChatAssets()
    {
        foreach (var (name, type) in new[] { ("chat.html", "text/html; charset=utf-8"), ("chat.js", "text/javascript; charset=utf-8"), ("chat-strings.js", "text/javascript; charset=utf-8"), ("chat-view.js", "text/javascript; charset=utf-8"), ("chat-send.js", "text/javascript; charset=utf-8"), ("chat.css", "text/css; charset=utf-8"), ("icon.svg", "image/svg+xml") })
        {
            using var stream = typeof(WebChatAssets).Assembly.GetManifestResourceStream("webchat/" + name)
                ?? throw new InvalidOperationException($"The web chat asset {name} is not embedded in the assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            _assets[name] = new Asset(bytes, type, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
        }
    }

    public Asset? Find(string name) => _assets.GetValueOrDefault(name);

    public sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
