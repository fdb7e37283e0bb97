using System.Diagnostics;

namespace Antq.Core.Delivery;

/// <summary>
/// A channel's turns when several instances send on one bot token: each message goes in a slot reserved in the
/// database (<see cref="SharedPace"/>), the slots of all instances evenly spaced on one timeline, so that together they
/// never put more than the limit in any second. Slots are reserved a few at a time (as many as senders wait, up to a
/// tenth of a second's worth), one round trip for several messages.
/// </summary>
/// <remarks>
/// A message leaves at its slot or a little after (a wake-up, the round trip that reserved it); a slot not used within
/// <see cref="Late"/> is dropped rather than used late, where it would crowd the next instance's. The slots are spaced
/// for a second and <see cref="Margin"/>: lateness within <see cref="Late"/> and the rest for the way to the channel's
/// server still leave every second of the server's within the limit. Slots an instance does not use are lost, never
/// given to another: the shared rate errs low.
/// </remarks>
internal sealed class SharedChannelGate : IChannelTurns
{
    /// <summary>Beyond the second, per limit's worth of slots: a slot's lateness and the spread of the way to the server.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(100);

    /// <summary>Most a message may leave after its slot.</summary>
    public static readonly TimeSpan Late = TimeSpan.FromMilliseconds(20);

    /// <summary>Slots start this far after the reservation, so the round trip that reserved them does not make the first late.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(20);

    private static readonly long LateTicks = (long)(Late.TotalSeconds * Stopwatch.Frequency);
    private readonly SharedPace _pace;
    private readonly string _key;
    private readonly TimeSpan _step;
    private readonly int _batch;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<long> _slots = new();
    private int _waiting;
    private long _pass;
    private long _pausedUntil;

    /// <param name="key">The rate's row: the channel, or the channel's paid broadcasts.</param>
    /// <param name="perSecond">The limit, for all instances together (rounded down).</param>
    public SharedChannelGate(SharedPace pace, string key, double perSecond)
    {
        var limit = Math.Max(1, (int)Math.Floor(perSecond));
        _pace = pace;
        _key = key;
        _step = (TimeSpan.FromSeconds(1) + Margin) / limit;
        _batch = Math.Max(1, limit / 10);
    }

    public async Task<long> WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = Stopwatch.GetTimestamp();
                while (_slots.TryPeek(out var stale) && (now - stale > LateTicks || stale < Volatile.Read(ref _pausedUntil)))
                {
                    _slots.Dequeue();
                }

                if (!_slots.TryDequeue(out var slot))
                {
                    var count = Math.Clamp(Volatile.Read(ref _waiting), 1, _batch);
                    // The server reckons the first slot from its own now, somewhere in the round trip: taken as its middle,
                    // so a slow answer neither pushes this instance's slots late nor pulls them early against another's.
                    var asked = Stopwatch.GetTimestamp();
                    var first = await _pace.ReserveAsync(_key, count, _step, Lead, cancellationToken);
                    var at = asked + ((Stopwatch.GetTimestamp() - asked) / 2) + (long)(first.TotalSeconds * Stopwatch.Frequency);
                    for (var i = 0; i < count; i++)
                    {
                        _slots.Enqueue(at + (long)(i * _step.TotalSeconds * Stopwatch.Frequency));
                    }

                    continue;
                }

                if (slot > now)
                {
                    await Task.Delay(Stopwatch.GetElapsedTime(now, slot), cancellationToken);
                }

                // Woken too late (a loaded machine): the slot crowds the next one, so it is dropped and the next taken.
                if (Stopwatch.GetTimestamp() - slot <= LateTicks)
                {
                    return _pass++;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _turn.Release();
        }
    }

    public void Sent(long pass)
    {
        // The slots already space the messages; an answer changes nothing.
    }

    /// <summary>Slots reserved before the pause are dropped, and every instance's next slot moves past it.</summary>
    public void PauseFor(TimeSpan pause)
    {
        var until = Stopwatch.GetTimestamp() + (long)(pause.TotalSeconds * Stopwatch.Frequency);
        long seen;
        do
        {
            seen = Volatile.Read(ref _pausedUntil);
        }
        while (seen < until && Interlocked.CompareExchange(ref _pausedUntil, until, seen) != seen);

        _ = _pace.ReserveAsync(_key, 0, _step, pause, CancellationToken.None).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }
}
