using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Antq.Bot.Hosting;

/// <summary>
/// Behind a reverse proxy (the HTTPS front the README recommends): X-Forwarded-For and X-Forwarded-Proto are taken
/// from known proxies only (<c>Http:KnownProxies</c>, <c>Http:KnownNetworks</c>; loopback when none is configured, as
/// ASP.NET Core does), so the per-IP limits see each visitor's address and the cookies know the page is HTTPS. From
/// anyone else the headers are ignored: a visitor cannot choose their address or claim HTTPS.
/// </summary>
public static class ProxyRegistration
{
    public static WebApplicationBuilder AddProxySupport(this WebApplicationBuilder builder)
    {
        var configured = NetworkList.Read(builder.Configuration, "Http:KnownProxies").Concat(NetworkList.Read(builder.Configuration, "Http:KnownNetworks")).ToList();
        IReadOnlyList<IPNetwork> trusted = configured.Count > 0 ? configured : [IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Configured proxies replace the loopback default: a proxy elsewhere means local clients are not proxies.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in trusted)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }

    public static WebApplication UseProxySupport(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
