using System.Net;

namespace Antq.Bot.Hosting;

/// <summary>
/// A list of IP addresses or networks from configuration: a JSON array, indexed keys (<c>Http__KnownProxies__0</c>)
/// or one comma-separated value (<c>Http__KnownProxies=10.0.0.2,10.0.0.3</c>). A bad entry stops start-up naming the key.
/// </summary>
public static class NetworkList
{
    public static IReadOnlyList<IPNetwork> Read(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var entries = section.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
        return [.. entries.Select(entry => Parse(entry) ?? throw new ConfigurationProblemException(
            $"{key}: '{entry}' is not an IP address (10.0.0.2, ::1) or a network (10.0.0.0/8, fd00::/8)."))];
    }

    /// <summary>True when the address is in one of the networks (an IPv4 address seen as IPv6, ::ffff:a.b.c.d, as IPv4).</summary>
    public static bool Contains(IEnumerable<IPNetwork> networks, IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return networks.Any(n => n.Contains(plain));
    }

    private static IPNetwork? Parse(string entry)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out var network) ? network : null;
        }

        return IPAddress.TryParse(entry, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : null;
    }
}
