using System.Diagnostics;

namespace Antq.Testing;

/// <summary>
/// Opt-in enforcement of an overall message rate, as Telegram does for a bot, in one of two shapes: a token bucket
/// of N messages a second (<see cref="EnforceRateLimit"/>), or at most N messages in any rolling window
/// (<see cref="EnforceRollingWindow"/>). A message beyond it is answered 429 "Too Many Requests" with
/// <c>parameters.retry_after</c> (whole seconds, at least 1) and is not delivered.
/// </summary>
public sealed partial class FakeBotApi
{
    private readonly Lock _rateGate = new();
    private readonly Queue<long> _windowAccepted = new();
    private RateLimitRule? _rateLimit;
    private WindowRule? _window;
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
            _window = null;
            _rateLimit = rule;
            _rateTokens = rule.Burst;
            _rateLast = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>
    /// From now on, at most <paramref name="max"/> messages are accepted in any rolling <paramref name="window"/>
    /// (one second by default), counted when the fake has read the request; one more is answered 429 with
    /// <c>retry_after</c> 1 and does not count. What is counted is as for <see cref="EnforceRateLimit"/>. Unlike the
    /// token bucket, this lets no burst on top of the limit: the strictest reading of "30 messages a second".
    /// </summary>
    public void EnforceRollingWindow(int max, TimeSpan? window = null, Func<string, bool>? counts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var rule = new WindowRule(max, (long)((window ?? TimeSpan.FromSeconds(1)).TotalSeconds * Stopwatch.Frequency), counts ?? IsMessage);
        lock (_rateGate)
        {
            _rateLimit = null;
            _window = rule;
            _windowAccepted.Clear();
        }
    }

    /// <summary>Stops enforcing the rate limit (the counters are kept).</summary>
    public void StopRateLimit()
    {
        lock (_rateGate)
        {
            _rateLimit = null;
            _window = null;
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
            if (_window is { } window)
            {
                return TakeWindowSlot(window, method);
            }

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

    private FakeFailure? TakeWindowSlot(WindowRule rule, string method)
    {
        if (!rule.Counts(method))
        {
            return null;
        }

        var now = Stopwatch.GetTimestamp();
        while (_windowAccepted.TryPeek(out var oldest) && now - oldest >= rule.Ticks)
        {
            _windowAccepted.Dequeue();
        }

        if (_windowAccepted.Count < rule.Max)
        {
            _windowAccepted.Enqueue(now);
            _rateAccepted++;
            return null;
        }

        _rateRejected++;
        return FakeFailure.TooManyRequests(1);
    }

    private sealed record RateLimitRule(double PerSecond, double Burst, Func<string, bool> Counts);

    private sealed record WindowRule(int Max, long Ticks, Func<string, bool> Counts);
}
