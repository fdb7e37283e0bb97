using System.Diagnostics;

namespace Antq.Core.Delivery;

/// <summary>
/// A rate limit as a token bucket: <c>rate</c> tokens a second up to <c>burst</c>. A caller reserves a token
/// and is told how long to wait for it, so waiters are served in order without polling.
/// </summary>
public sealed class TokenBucket(double ratePerSecond, double burst)
{
    private readonly double _burst = burst;
    private readonly Lock _lock = new();
    private double _tokens = burst;
    private long _last = Stopwatch.GetTimestamp();

    /// <summary>Reserves one token; the caller waits the returned time before using it.</summary>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = Refill();
            _tokens -= 1;
            var seconds = _tokens < 0 ? -_tokens / ratePerSecond : 0;
            if (_last > now)
            {
                seconds += (double)(_last - now) / Stopwatch.Frequency;
            }

            return TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>Nothing is handed out before <paramref name="pause"/> has passed (the channel said "retry after").</summary>
    public void PauseFor(TimeSpan pause)
    {
        lock (_lock)
        {
            var now = Refill();
            _tokens = Math.Min(_tokens, 0);
            _last = Math.Max(_last, now + (long)(pause.TotalSeconds * Stopwatch.Frequency));
        }
    }

    /// <summary>True when the bucket is full again: nobody used it for a while.</summary>
    public bool IsIdle
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _tokens >= _burst;
            }
        }
    }

    private long Refill()
    {
        var now = Stopwatch.GetTimestamp();
        if (now > _last)
        {
            _tokens = Math.Min(_burst, _tokens + ((double)(now - _last) / Stopwatch.Frequency * ratePerSecond));
            _last = now;
        }

        return now;
    }
}
