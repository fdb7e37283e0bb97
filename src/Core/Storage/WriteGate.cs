namespace Antq.Core.Storage;

/// <summary>
/// One writer at a time inside this process. SQLite allows a single writer; waiting here in order
/// is far cheaper than colliding in the database and retrying on SQLITE_BUSY.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_gate);
    }

    public readonly struct Releaser(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
