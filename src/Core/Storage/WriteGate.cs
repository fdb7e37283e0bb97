using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Antq.Core.Storage;

/// <summary>
/// One writer at a time inside this process. SQLite allows a single writer; waiting here in order
/// is far cheaper than colliding in the database and retrying on SQLITE_BUSY. PostgreSQL has no single writer: there
/// the gate lets every writer through at once (<see cref="Unlimited"/>) and only counts.
/// </summary>
/// <remarks>
/// The time the gate is held and waited for is counted (exported at /metrics): how busy the single writer is.
/// Holds longer than <see cref="LongHold"/> are counted by holder (the calling type and method), since every chat
/// waits behind them: that is where a reply's latency tail comes from.
/// </remarks>
public sealed class WriteGate
{
    public static readonly TimeSpan LongHold = TimeSpan.FromMilliseconds(50);

    private static readonly long LongHoldTicks = (long)(LongHold.TotalSeconds * Stopwatch.Frequency);
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<string, HolderCount> _longHolds = new(StringComparer.Ordinal);
    private long _heldTicks;
    private long _waitedTicks;
    private long _entries;

    /// <param name="holders">How many may hold the gate at once: one for SQLite.</param>
    public WriteGate(int holders = 1)
    {
        _gate = new SemaphoreSlim(holders, holders);
    }

    /// <summary>A gate for a database with concurrent writers: nobody waits, the held time is summed over holders.</summary>
    public static WriteGate Unlimited() => new(int.MaxValue);

    /// <summary>Seconds the gate has been held since start.</summary>
    public double HeldSeconds => (double)Interlocked.Read(ref _heldTicks) / Stopwatch.Frequency;

    /// <summary>Seconds writers have spent waiting for the gate since start, summed over writers.</summary>
    public double WaitedSeconds => (double)Interlocked.Read(ref _waitedTicks) / Stopwatch.Frequency;

    public long Entries => Interlocked.Read(ref _entries);

    /// <summary>A holder's name from the caller's file and member: "ConversationEngine.Handle".</summary>
    public static string HolderName(string file, string member) =>
        Path.GetFileNameWithoutExtension(file) + "." + member.Replace("Async", "", StringComparison.Ordinal);

    /// <summary>Holds longer than <see cref="LongHold"/> since start, by holder: how many, their total and the longest.</summary>
    public IReadOnlyDictionary<string, LongHoldCount> LongHolds() =>
        _longHolds.ToDictionary(h => h.Key, h => h.Value.Snapshot(), StringComparer.Ordinal);

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken, [CallerFilePath] string file = "", [CallerMemberName] string member = "")
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entered = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _waitedTicks, entered - asked);
        Interlocked.Increment(ref _entries);
        return new Releaser(this, entered, file, member);
    }

    private void Held(long ticks, string file, string member)
    {
        Interlocked.Add(ref _heldTicks, ticks);
        if (ticks > LongHoldTicks)
        {
            _longHolds.GetOrAdd(HolderName(file, member), _ => new HolderCount()).Add(ticks);
        }
    }

    public readonly struct Releaser(WriteGate gate, long entered, string file, string member) : IDisposable
    {
        public void Dispose()
        {
            gate.Held(Stopwatch.GetTimestamp() - entered, file, member);
            gate._gate.Release();
        }
    }

    private sealed class HolderCount
    {
        private readonly Lock _lock = new();
        private long _count;
        private long _ticks;
        private long _maxTicks;

        public void Add(long ticks)
        {
            lock (_lock)
            {
                _count++;
                _ticks += ticks;
                _maxTicks = Math.Max(_maxTicks, ticks);
            }
        }

        public LongHoldCount Snapshot()
        {
            lock (_lock)
            {
                return new LongHoldCount(_count, TimeSpan.FromSeconds((double)_ticks / Stopwatch.Frequency), TimeSpan.FromSeconds((double)_maxTicks / Stopwatch.Frequency));
            }
        }
    }
}

/// <summary>Holds of the write gate longer than <see cref="WriteGate.LongHold"/> by one holder.</summary>
public sealed record LongHoldCount(long Count, TimeSpan Total, TimeSpan Longest);
