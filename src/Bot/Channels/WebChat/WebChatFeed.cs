using System.Collections.Concurrent;

namespace Antq.Bot.Channels.WebChat;

/// <summary>Wakes the pages of a visitor when something was delivered to them.</summary>
public sealed class WebChatFeed
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();

    /// <summary>A task that completes at the next delivery to the chat; take it before reading, then wait on it.</summary>
    public Task Next(string chatId) =>
        _signals.GetOrAdd(chatId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Notify(string chatId)
    {
        if (_signals.TryRemove(chatId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
