using System.Diagnostics;

namespace Antq.Core.Storage;

/// <summary>
/// One writer at a time inside this process. SQLite allows a single writer; waiting here in order
/// is far cheaper than colliding in the database and retrying on SQLITE_BUSY.
/// </summary>
/// <remarks>The time the gate is held and waited for is counted (exported at /metrics): how busy the single writer is.</remarks>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _heldTicks;
    private long _waitedTicks;
    private long _entries;

    /// <summary>Seconds the gate has been held since start.</summary>
    public double HeldSeconds => (double)Interlocked.Read(ref _heldTicks) / Stopwatch.Frequency;

    /// <summary>Seconds writers have spent waiting for the gate since start, summed over writers.</summary>
    public double WaitedSeconds => (double)Interlocked.Read(ref _waitedTicks) / Stopwatch.Frequency;

    public long Entries => Interlocked.Read(ref _entries);

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        var asked = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var entered = Stopwatch.GetTimestamp();
        Interlocked.Add(ref _waitedTicks, entered - asked);
        Interlocked.Increment(ref _entries);
        return new Releaser(this, entered);
    }

    public readonly struct Releaser(WriteGate gate, long entered) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.Add(ref gate._heldTicks, Stopwatch.GetTimestamp() - entered);
            gate._gate.Release();
        }
    }
}
