using System.Diagnostics;

namespace Antq.Testing;

/// <summary>
/// Opt-in enforcement of an overall message rate, as Telegram does for a bot: a token bucket of N messages a
/// second with a burst of N; a message beyond it is answered 429 "Too Many Requests" with
/// <c>parameters.retry_after</c> (whole seconds, at least 1) and is not delivered.
/// </summary>
public sealed partial class FakeBotApi
{
    private readonly Lock _rateGate = new();
    private RateLimitRule? _rateLimit;
    private double _rateTokens;
    private long _rateLast;
    private long _rateAccepted;
    private long _rateRejected;

    /// <summary>Messages answered 429 by the rate limit (see <see cref="EnforceRateLimit"/>); injected failures are not counted.</summary>
    public long RateLimitedCount => Interlocked.Read(ref _rateRejected);

    /// <summary>Messages the rate limit counted and let through.</summary>
    public long RateLimitAcceptedCount => Interlocked.Read(ref _rateAccepted);

    /// <summary>
    /// From now on, at most <paramref name="perSecond"/> messages a second overall (burst <paramref name="burst"/>,
    /// by default the same number) are accepted; more are answered 429 with <c>retry_after</c>. Counted are the
    /// methods that put a message in a chat: <c>send*</c> (but not <c>sendChatAction</c>), <c>copyMessage(s)</c>
    /// and <c>forwardMessage(s)</c>; or those <paramref name="counts"/> picks (it gets the canonical method name).
    /// </summary>
    public void EnforceRateLimit(double perSecond, double? burst = null, Func<string, bool>? counts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var rule = new RateLimitRule(perSecond, Math.Max(1, burst ?? perSecond), counts ?? IsMessage);
        lock (_rateGate)
        {
            _rateLimit = rule;
            _rateTokens = rule.Burst;
            _rateLast = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Stops enforcing the rate limit (the counters are kept).</summary>
    public void StopRateLimit()
    {
        lock (_rateGate)
        {
            _rateLimit = null;
        }
    }

    /// <summary>Whether a Bot API method puts a message in a chat (what Telegram's broadcast limit counts).</summary>
    public static bool IsMessage(string method) =>
        (method.StartsWith("send", StringComparison.Ordinal) && method != "sendChatAction")
        || method is "copyMessage" or "copyMessages" or "forwardMessage" or "forwardMessages";

    /// <summary>Null when the call may go on; otherwise the failure to answer (a 429 with retry_after).</summary>
    private FakeFailure? TakeRateToken(string method)
    {
        lock (_rateGate)
        {
            if (_rateLimit is not { } rule || !rule.Counts(method))
            {
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            _rateTokens = Math.Min(rule.Burst, _rateTokens + ((double)(now - _rateLast) / Stopwatch.Frequency * rule.PerSecond));
            _rateLast = now;
            if (_rateTokens >= 1)
            {
                _rateTokens -= 1;
                _rateAccepted++;
                return null;
            }

            _rateRejected++;
            var wait = (1 - _rateTokens) / rule.PerSecond;
            return FakeFailure.TooManyRequests(Math.Max(1, (int)Math.Ceiling(wait)));
        }
    }

    private sealed record RateLimitRule(double PerSecond, double Burst, Func<string, bool> Counts);
}
