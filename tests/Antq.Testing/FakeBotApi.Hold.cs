namespace Antq.Testing;

/// <summary>
/// Holding messages on their way in: from <see cref="HoldMessages"/> on, a request that would put a message in a chat
/// (<see cref="IsMessage"/>) waits unanswered, as if the network had stalled, until <see cref="DropHeld"/> cuts them
/// off undelivered. A test uses it to freeze a running service's sending at a chosen moment (a crash).
/// </summary>
public sealed partial class FakeBotApi
{
    private readonly Lock _holdGate = new();
    private TaskCompletionSource? _hold;
    private int _held;

    /// <summary>Message requests waiting in the hold now.</summary>
    public int HeldCount => Volatile.Read(ref _held);

    /// <summary>From now on, message requests wait unanswered until <see cref="DropHeld"/>.</summary>
    public void HoldMessages()
    {
        lock (_holdGate)
        {
            _hold ??= NewSignal();
        }
    }

    /// <summary>Ends the hold: the requests waiting in it are cut off (the connection reset), nothing of them delivered.</summary>
    public void DropHeld()
    {
        TaskCompletionSource? hold;
        lock (_holdGate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    /// <summary>True when the request waited in a hold that was dropped: it is cut off, not answered.</summary>
    private async Task<bool> WaitInHoldAsync(string method, CancellationToken aborted)
    {
        Task? hold;
        lock (_holdGate)
        {
            hold = IsMessage(method) ? _hold?.Task : null;
        }

        if (hold is null)
        {
            return false;
        }

        Interlocked.Increment(ref _held);
        try
        {
            await hold.WaitAsync(aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client gave up waiting: cut off all the same.
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }

        return true;
    }
}
