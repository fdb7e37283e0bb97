using System.Collections.Concurrent;
using System.Diagnostics;

namespace Antq.Core.Delivery;

/// <summary>
/// A channel's turns when several instances send on one bot token: a message goes only in one of the rate's
/// <c>limit</c> slots in the database (<see cref="SharedPace"/>), and a slot is free again <see cref="Window"/> after
/// the channel answered the message it carried, as the database server's clock reckons it. The message arrived before
/// its answer, and the next one in the slot leaves after the database let it: so the messages of all instances
/// together, however their machines stall or their clocks differ, never number more than the limit in any second of
/// the channel's server. Each instance also spreads its own messages (a token bucket at the rate), so they do not
/// leave a second's worth at once.
/// </summary>
/// <remarks>
/// Slots are taken a few at a time (as many as senders wait, up to a tenth of the limit) and answers released in
/// batches, one round trip for several messages. A slot held by an instance that died is freed by the others'
/// heartbeats (<see cref="SharedPace.ReleaseGoneAsync"/>), or at the latest after <see cref="Hold"/>. The shared rate
/// errs low: each message costs its slot a round trip beyond the second.
/// </remarks>
internal sealed class SharedChannelGate : IChannelTurns
{
    /// <summary>After the answer, before the slot carries another message: the second, and the clocks' granularity.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1010);

    /// <summary>A slot taken and never released is free after this: longer than any request may take (the client's timeout).</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);

    /// <summary>Most a sender sleeps before asking again when no slot was free (another instance may release sooner).</summary>
    private static readonly TimeSpan LongestNap = TimeSpan.FromMilliseconds(250);

    private readonly SharedPace _pace;
    private readonly string _key;
    private readonly int _limit;
    private readonly int _batch;
    private readonly TokenBucket _spread;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Queue<(int Slot, long Pass)> _taken = new();
    private readonly ConcurrentQueue<(int Slot, long Pass)> _answered = new();
    private bool _slotsAdded;
    private int _waiting;
    private int _releasing;
    private long _pausedUntil;

    /// <param name="key">The rate's rows: the channel, or the channel's paid broadcasts.</param>
    /// <param name="perSecond">The limit, for all instances together (rounded down).</param>
    public SharedChannelGate(SharedPace pace, string key, double perSecond)
    {
        _limit = Math.Clamp((int)Math.Floor(perSecond), 1, ushort.MaxValue);
        _pace = pace;
        _key = key;
        _batch = Math.Max(1, _limit / 10);
        _spread = new TokenBucket(_limit / Window.TotalSeconds, _batch);
    }

    public async Task<long> WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var spread = _spread.Reserve();
            if (spread > TimeSpan.Zero)
            {
                await Task.Delay(spread, cancellationToken);
            }

            while (true)
            {
                var paused = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), Volatile.Read(ref _pausedUntil));
                if (paused > TimeSpan.Zero)
                {
                    await Task.Delay(paused, cancellationToken);
                    continue;
                }

                // A slot taken earlier is as good now: its message still leaves after the database let it.
                if (_taken.TryDequeue(out var use))
                {
                    return ((long)use.Pass << 16) | (uint)use.Slot;
                }

                if (!_slotsAdded)
                {
                    await _pace.AddSlotsAsync(_key, _limit, cancellationToken);
                    _slotsAdded = true;
                }

                var grant = await _pace.TakeAsync(_key, _limit, Math.Clamp(Volatile.Read(ref _waiting), 1, _batch), Hold, cancellationToken);
                foreach (var slot in grant.Slots)
                {
                    _taken.Enqueue(slot);
                }

                if (grant.Slots.Count == 0)
                {
                    await Task.Delay(TimeSpan.FromTicks(Math.Clamp(grant.Wait.Ticks, TimeSpan.TicksPerMillisecond, LongestNap.Ticks)), cancellationToken);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
            _turn.Release();
        }
    }

    /// <summary>The answer came back: the slot is released (with others answered meanwhile, in one statement).</summary>
    public void Sent(long pass)
    {
        _answered.Enqueue(((int)(pass & 0xFFFF), pass >> 16));
        if (Interlocked.CompareExchange(ref _releasing, 1, 0) == 0)
        {
            _ = Task.Run(ReleaseAnsweredAsync);
        }
    }

    /// <summary>Nothing goes here before the pause has passed, and every instance's next slot waits for it too.</summary>
    public void PauseFor(TimeSpan pause)
    {
        var until = Stopwatch.GetTimestamp() + (long)(pause.TotalSeconds * Stopwatch.Frequency);
        long seen;
        do
        {
            seen = Volatile.Read(ref _pausedUntil);
        }
        while (seen < until && Interlocked.CompareExchange(ref _pausedUntil, until, seen) != seen);

        _spread.PauseFor(pause);
        _ = _pace.PauseAsync(_key, pause, CancellationToken.None).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    private async Task ReleaseAnsweredAsync()
    {
        while (true)
        {
            var uses = new List<(int Slot, long Pass)>();
            while (uses.Count < 200 && _answered.TryDequeue(out var use))
            {
                uses.Add(use);
            }

            if (uses.Count > 0)
            {
                await ReleaseAsync(uses);
                continue;
            }

            // Done; unless one was answered between the last look and letting go, which this run then releases too.
            Volatile.Write(ref _releasing, 0);
            if (_answered.IsEmpty || Interlocked.CompareExchange(ref _releasing, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task ReleaseAsync(List<(int Slot, long Pass)> uses)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _pace.ReleaseAsync(_key, uses, Window, CancellationToken.None);
                return;
            }
            catch (Exception) when (attempt < 5)
            {
                // The database is away for a moment: a slot released late only errs low.
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (Exception)
            {
                // Still away: the slots free themselves after Hold, or when the heartbeats say this instance is gone.
                return;
            }
        }
    }
}
