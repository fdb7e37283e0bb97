using System.Collections.Concurrent;

namespace Antq.Bot.Channels.WebChat;

/// <summary>
/// Wakes the pages of a visitor when something was delivered to them. With several instances on PostgreSQL the page's
/// stream may be open on another instance than the one that delivered: each delivery is also told to the others
/// (<see cref="WebChatFeedRelay"/>), which wake their own pages.
/// </summary>
public sealed class WebChatFeed
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private volatile Action<string>? _relay;

    /// <summary>A task that completes at the next delivery to the chat; take it before reading, then wait on it.</summary>
    public Task Next(string chatId) =>
        _signals.GetOrAdd(chatId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Something was delivered to the chat here: its pages on this instance and on the others wake.</summary>
    public void Notify(string chatId)
    {
        Wake(chatId);
        _relay?.Invoke(chatId);
    }

    /// <summary>Wakes the chat's pages on this instance only (a delivery another instance told of).</summary>
    public void Wake(string chatId)
    {
        if (_signals.TryRemove(chatId, out var signal))
        {
            signal.TrySetResult();
        }
    }

    /// <summary>Wakes every page on this instance, to read again (after the relay missed what others told).</summary>
    public void WakeAll()
    {
        foreach (var chatId in _signals.Keys)
        {
            Wake(chatId);
        }
    }

    internal void RelayTo(Action<string>? relay) => _relay = relay;
}
