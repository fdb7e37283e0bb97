using System.Diagnostics;

namespace Antq.Core.Delivery;

/// <summary>
/// Lets a channel's messages through so that no second, as the channel's server counts it, ever holds more than the
/// limit: a message goes only when the one sent <c>limit</c> messages before it is more than a second back, and a token
/// bucket at the same rate spreads them out instead of one burst at the start of each second. Senders pass one at a
/// time, in the order they came; each is counted at the moment it is let through, so a late wake-up never squeezes
/// two seconds' worth into one.
/// </summary>
/// <remarks>
/// The server counts a message when it arrives: a little after it left, and not always by the same delay (a thread
/// that was not scheduled, a collection, the network). When the answer to a message comes back (<see cref="Sent"/>),
/// its arrival is known to lie between leaving and answer; its place is kept until a second after the latest it can
/// have arrived (the answer less the shortest round trip seen lately), so one delayed on the way still leaves every
/// second of the server's within the limit. For a message whose answer has not come back, a second and
/// <see cref="Margin"/> after it left.
/// </remarks>
internal sealed class ChannelGate : IChannelTurns
{
    /// <summary>Beyond the second: timer granularity, and the part of a round trip that is not on the way there.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(15);

    private static readonly long Second = Stopwatch.Frequency;
    private static readonly long MarginTicks = (long)(Margin.TotalSeconds * Stopwatch.Frequency);
    private static readonly long Window = Second + MarginTicks;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _lock = new();
    private readonly long[] _left;
    private readonly long[] _free;
    private readonly long[] _pass;
    private readonly long[] _roundTrips = new long[32];
    private readonly double _perTick;
    private readonly double _burst;
    private long _next;
    private int _roundTrip;
    private double _tokens;
    private long _refilled = Stopwatch.GetTimestamp();
    private long _pausedUntil;

    /// <param name="perSecond">The channel's limit: at most this many (rounded down) in any second.</param>
    public ChannelGate(double perSecond)
    {
        var limit = Math.Max(1, (int)Math.Floor(perSecond));
        _left = new long[limit];
        _free = new long[limit];
        _pass = new long[limit];
        Array.Fill(_free, long.MinValue / 2);
        Array.Fill(_pass, -1);
        Array.Fill(_roundTrips, long.MaxValue);
        _perTick = limit / ((double)Window / Stopwatch.Frequency) / Stopwatch.Frequency;

        // A tenth of the limit at once: enough to catch up after a hiccup, small enough that a reply queued behind a
        // broadcast waits a fraction of a second, not for the next second.
        _burst = Math.Max(1, limit / 10.0);
        _tokens = _burst;
    }

    /// <summary>Waits until one more message may go and counts it; returns the pass to report to <see cref="Sent"/>.</summary>
    public async Task<long> WaitAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                long at;
                lock (_lock)
                {
                    var slot = (int)(_next % _left.Length);
                    at = Math.Max(_free[slot], Math.Max(_pausedUntil, TokenAt(now)));
                    if (at <= now)
                    {
                        _left[slot] = now;
                        _free[slot] = now + Window;
                        _pass[slot] = _next;
                        _tokens -= 1;
                        return _next++;
                    }
                }

                await Task.Delay(Stopwatch.GetElapsedTime(now, at + (Stopwatch.Frequency / 2000)), cancellationToken);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The answer to pass <paramref name="pass"/> came back (or the request failed): the message has arrived, if at all.</summary>
    public void Sent(long pass)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_lock)
        {
            var slot = (int)(pass % _left.Length);
            if (_pass[slot] != pass)
            {
                return;
            }

            var roundTrip = now - _left[slot];
            _roundTrips[_roundTrip] = roundTrip;
            _roundTrip = (_roundTrip + 1) % _roundTrips.Length;
            _free[slot] = Math.Max(_free[slot], now - _roundTrips.Min() + Second + (MarginTicks / 3));
        }
    }

    /// <summary>Nothing goes before <paramref name="pause"/> has passed (the channel said "retry after").</summary>
    public void PauseFor(TimeSpan pause)
    {
        var until = Stopwatch.GetTimestamp() + (long)(pause.TotalSeconds * Stopwatch.Frequency);
        lock (_lock)
        {
            _pausedUntil = Math.Max(_pausedUntil, until);
        }
    }

    /// <summary>When the bucket has a whole token again (refilled up to <paramref name="now"/> first).</summary>
    private long TokenAt(long now)
    {
        _tokens = Math.Min(_burst, _tokens + ((now - _refilled) * _perTick));
        _refilled = now;
        return _tokens >= 1 ? now : now + (long)Math.Ceiling((1 - _tokens) / _perTick);
    }
}
