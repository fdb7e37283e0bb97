using System.Collections.Concurrent;

namespace Antq.Core.Delivery;

/// <summary>One channel's sender with its rate limits: one bucket for the channel, one per chat.</summary>
internal sealed class ChannelPacer(IChannelSender sender)
{
    // A third of a second's worth in one burst, not a whole second's: sending at exactly the channel's rate with the
    // channel's own full burst leaves no margin, and the first jitter in the network earns a 429 that stops everything.
    private readonly TokenBucket _channel = new(sender.Limits.PerSecond, Burst(sender.Limits.PerSecond));
    private readonly TokenBucket? _paid = sender.Limits.PaidBroadcastPerSecond is { } paid ? new(paid, Burst(paid)) : null;
    private readonly ConcurrentDictionary<string, TokenBucket> _chats = new();
    private long _sinceSweep;

    public IChannelSender Sender => sender;

    /// <summary>True when broadcasts go as paid messages on their own (higher) rate.</summary>
    public bool PaidBroadcasts => _paid is not null;

    public async Task WaitTurnAsync(string chatId, bool paid, CancellationToken cancellationToken)
    {
        var chat = _chats.GetOrAdd(chatId, _ => new TokenBucket(sender.Limits.PerChatPerSecond, Math.Max(1, sender.Limits.PerChatBurst)));
        var wait = chat.Reserve();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        // Paid broadcasts have their own rate; the free messages count against it too, so that together they stay
        // within the paid limit.
        wait = paid && _paid is not null ? _paid.Reserve() : Max(_channel.Reserve(), _paid?.Reserve() ?? TimeSpan.Zero);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }

        if (Interlocked.Increment(ref _sinceSweep) % 10_000 == 0)
        {
            Sweep();
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static double Burst(double perSecond) => Math.Max(1, perSecond / 3);

    public void PauseFor(TimeSpan pause)
    {
        _channel.PauseFor(pause);
        _paid?.PauseFor(pause);
    }

    // Forget chats whose bucket is full again, so the map does not grow with every resident ever sent to.
    private void Sweep()
    {
        foreach (var (chatId, bucket) in _chats)
        {
            if (bucket.IsIdle)
            {
                _chats.TryRemove(chatId, out _);
            }
        }
    }
}
