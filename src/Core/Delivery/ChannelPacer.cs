using System.Collections.Concurrent;

namespace Antq.Core.Delivery;

/// <summary>
/// One channel's sender with its rate limits: a gate for the channel (<see cref="ChannelGate"/>, or the slots shared by
/// every instance, <see cref="SharedChannelGate"/>, when <paramref name="shared"/> is given), a bucket per chat.
/// </summary>
internal sealed class ChannelPacer(IChannelSender sender, SharedPace? shared = null)
{
    private readonly IChannelTurns _channel = Gate(shared, sender.Channel, sender.Limits.PerSecond);
    private readonly IChannelTurns? _paid = sender.Limits.PaidBroadcastPerSecond is { } paid ? Gate(shared, sender.Channel + ":paid", paid) : null;
    private readonly ConcurrentDictionary<string, TokenBucket> _chats = new();
    private long _sinceSweep;

    public IChannelSender Sender => sender;

    /// <summary>True when broadcasts go as paid messages on their own (higher) rate.</summary>
    public bool PaidBroadcasts => _paid is not null;

    /// <summary>How long the chat's own limit holds its next message back (zero: it may go now); the turn is taken.</summary>
    public TimeSpan ReserveChatTurn(string chatId)
    {
        if (Interlocked.Increment(ref _sinceSweep) % 10_000 == 0)
        {
            Sweep();
        }

        return _chats.GetOrAdd(chatId, _ => new TokenBucket(sender.Limits.PerChatPerSecond, Math.Max(1, sender.Limits.PerChatBurst))).Reserve();
    }

    /// <summary>
    /// Waits for the channel's turn: replies, edits and files on the free rate, paid broadcasts on theirs. The turn is
    /// reported to <see cref="Sent"/> once the channel answered.
    /// </summary>
    public async Task<(long Free, long Paid)> WaitChannelTurnAsync(bool paid, CancellationToken cancellationToken)
    {
        var free = !paid || _paid is null ? await _channel.WaitAsync(cancellationToken) : -1;

        // The free messages count against the paid limit too, so that together they stay within it.
        return (free, _paid is null ? -1 : await _paid.WaitAsync(cancellationToken));
    }

    /// <summary>The channel answered the message of <paramref name="turn"/> (or the request failed).</summary>
    public void Sent((long Free, long Paid) turn)
    {
        if (turn.Free >= 0)
        {
            _channel.Sent(turn.Free);
        }

        if (turn.Paid >= 0)
        {
            _paid?.Sent(turn.Paid);
        }
    }

    public void PauseFor(TimeSpan pause)
    {
        _channel.PauseFor(pause);
        _paid?.PauseFor(pause);
    }

    private static IChannelTurns Gate(SharedPace? shared, string key, double perSecond) =>
        shared is null ? new ChannelGate(perSecond) : new SharedChannelGate(shared, key, perSecond);

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
