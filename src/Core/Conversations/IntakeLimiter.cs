using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Antq.Core.Conversations;

/// <summary>
/// Keeps one resident from taking the service's time from everyone else: of one chat's updates, at most
/// <see cref="ConversationOptions.MaxUpdatesPerMinute"/> are answered in any minute (by when they were received); the
/// others are stored and marked handled unanswered, and the first of them in a minute gets one "slow down" message.
/// It also remembers when a chat was last told "I did not understand", so that a string of such answers becomes one.
/// </summary>
/// <remarks>
/// A chat's updates are handled one at a time in one lane, so its entry is never used by two at once; kept in memory,
/// so a restart forgets it, which can only give a resident more answers, never fewer.
/// </remarks>
public sealed class IntakeLimiter(IOptions<ConversationOptions> options)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Channel, string ChatId), ChatIntake> _chats = new();
    private long _sinceSweep;

    /// <summary>What to do with update <paramref name="inboxId"/> of the chat; asking again for the same update gives the same answer.</summary>
    public IntakeVerdict Admit(string channel, string chatId, long inboxId, DateTime receivedAt)
    {
        var limit = options.Value.MaxUpdatesPerMinute;
        if (limit <= 0)
        {
            return IntakeVerdict.Answer;
        }

        Sweep(receivedAt);
        var chat = _chats.GetOrAdd((channel, chatId), _ => new ChatIntake());
        lock (chat)
        {
            chat.LastSeen = receivedAt;
            if (chat.LastInboxId == inboxId)
            {
                return chat.LastVerdict;
            }

            while (chat.Answered.TryPeek(out var oldest) && oldest <= receivedAt - Minute)
            {
                chat.Answered.Dequeue();
            }

            IntakeVerdict verdict;
            if (chat.Answered.Count < limit)
            {
                chat.Answered.Enqueue(receivedAt);
                verdict = IntakeVerdict.Answer;
            }
            else if (chat.SlowedDownAt is not { } told || receivedAt - told >= Minute)
            {
                chat.SlowedDownAt = receivedAt;
                verdict = IntakeVerdict.SlowDown;
            }
            else
            {
                verdict = IntakeVerdict.Skip;
            }

            (chat.LastInboxId, chat.LastVerdict) = (inboxId, verdict);
            return verdict;
        }
    }

    /// <summary>
    /// Whether the chat may be told "I did not understand" now: not if it was told so less than
    /// <see cref="ConversationOptions.NotUnderstoodEvery"/> ago. Saying it counts from now.
    /// </summary>
    public bool MaySayNotUnderstood(string channel, string chatId, DateTime now)
    {
        Sweep(now);
        var chat = _chats.GetOrAdd((channel, chatId), _ => new ChatIntake());
        lock (chat)
        {
            chat.LastSeen = now;
            if (chat.NotUnderstoodAt is { } said && now - said < options.Value.NotUnderstoodEvery)
            {
                return false;
            }

            chat.NotUnderstoodAt = now;
            return true;
        }
    }

    /// <summary>The chat said something understood: the next "I did not understand" is said again.</summary>
    public void Understood(string channel, string chatId)
    {
        if (_chats.TryGetValue((channel, chatId), out var chat))
        {
            lock (chat)
            {
                chat.NotUnderstoodAt = null;
            }
        }
    }

    // Chats quiet for longer than anything here remembers are forgotten, so the map does not grow with every resident.
    private void Sweep(DateTime now)
    {
        if (Interlocked.Increment(ref _sinceSweep) % 10_000 != 0)
        {
            return;
        }

        var quiet = Minute > options.Value.NotUnderstoodEvery ? Minute : options.Value.NotUnderstoodEvery;
        foreach (var (key, chat) in _chats)
        {
            lock (chat)
            {
                if (now - chat.LastSeen > quiet)
                {
                    _chats.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class ChatIntake
    {
        /// <summary>When the answered updates of the last minute were received, oldest first.</summary>
        public Queue<DateTime> Answered { get; } = new();

        public DateTime? SlowedDownAt { get; set; }

        public DateTime? NotUnderstoodAt { get; set; }

        public DateTime LastSeen { get; set; }

        public long LastInboxId { get; set; } = -1;

        public IntakeVerdict LastVerdict { get; set; }
    }
}
