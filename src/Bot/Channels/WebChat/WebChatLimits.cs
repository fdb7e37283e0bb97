using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// The public endpoint's rate limits (System.Threading.RateLimiting, the limiter behind ASP.NET Core's): posts per
/// visitor and per IP address, and open event streams per IP address.
/// </summary>
public sealed class WebChatLimits : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _posts;
    private readonly PartitionedRateLimiter<HttpContext> _streams;

    public WebChatLimits(IOptions<WebChatOptions> options, WebChatVisitors visitors)
    {
        var rate = options.Value.RateLimit;
        var perVisitor = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
            visitors.Read(http.Request)?.ChatId ?? "",
            _ => PerMinute(rate.PerVisitorPerMinute)));
        var perIp = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetTokenBucketLimiter(
            Ip(http),
            _ => PerMinute(rate.PerIpPerMinute)));
        _posts = PartitionedRateLimiter.CreateChained(perIp, perVisitor);
        _streams = PartitionedRateLimiter.Create<HttpContext, string>(http => RateLimitPartition.GetConcurrencyLimiter(
            Ip(http),
            _ => new ConcurrencyLimiterOptions { PermitLimit = rate.StreamsPerIp, QueueLimit = 0 }));
    }

    /// <summary>A permit for one post; not acquired means "too many, wait".</summary>
    public RateLimitLease TryPost(HttpContext http) => _posts.AttemptAcquire(http);

    /// <summary>A permit held while an event stream is open.</summary>
    public RateLimitLease TryStream(HttpContext http) => _streams.AttemptAcquire(http);

    public void Dispose()
    {
        _posts.Dispose();
        _streams.Dispose();
    }

    // The visitor's address: behind a known proxy (Http:KnownProxies, loopback by default) the one it forwarded.
    private static string Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";

    // A third of a minute's allowance at once, then a steady refill (at most every 100 ms).
    private static TokenBucketRateLimiterOptions PerMinute(int perMinute)
    {
        var tokens = Math.Max(1, (int)Math.Ceiling(perMinute / 600.0));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute / 3),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = TimeSpan.FromMinutes((double)tokens / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
