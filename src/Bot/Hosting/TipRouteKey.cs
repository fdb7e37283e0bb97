using Antq.Core.Tips;

namespace Antq.Bot.Hosting;

/// <summary>
/// The key that seals the way back to tipsters. Production sets Tips:RouteKey (base64 of 32 bytes) from a secret
/// store; without it a key is generated once into an owner-only file beside the data.
/// </summary>
public static class TipRouteKey
{
    public static byte[] Load(TipOptions options, string root) =>
        SecretKey.Load(options.RouteKey, "Tips:RouteKey", Path.IsPathRooted(options.RouteKeyFile) ? options.RouteKeyFile : Path.Combine(root, options.RouteKeyFile));
}
