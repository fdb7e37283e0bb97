using System.Text;

namespace Antq.Testing;

public sealed partial class FakeBotApi
{
    private const int CallsListedOnTimeout = 40;

    /// <summary>
    /// The first recorded call (already received or still to come) that satisfies <paramref name="match"/>.
    /// Wakes on every new call, no polling. Throws <see cref="TimeoutException"/> listing the calls received.
    /// </summary>
    public Task<RecordedCall> WaitForCallAsync(Func<RecordedCall, bool> match, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        return WaitUntilAsync(
            calls => calls.FirstOrDefault(match),
            timeout,
            "a matching call");
    }

    /// <summary>The first call of <paramref name="method"/> (case-insensitive).</summary>
    public Task<RecordedCall> WaitForCallAsync(string method, TimeSpan timeout)
    {
        var name = BotApiMethods.Normalize(method);
        return WaitUntilAsync(calls => calls.FirstOrDefault(c => c.Method == name), timeout, $"a {name} call");
    }

    /// <summary>
    /// Completes once at least <paramref name="count"/> messages were sent successfully to <paramref name="chatId"/>,
    /// with all messages sent to that chat so far.
    /// </summary>
    public Task<IReadOnlyList<SentMessage>> WaitForSentMessagesAsync(string chatId, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(chatId);
        return WaitUntilAsync(
            calls =>
            {
                var sent = calls.Where(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == chatId).Select(SentMessage.From).ToArray();
                return sent.Length >= count ? (IReadOnlyList<SentMessage>)sent : null;
            },
            timeout,
            $"{count} sent message(s) to chat {chatId}");
    }

    private async Task<T> WaitUntilAsync<T>(Func<IReadOnlyList<RecordedCall>, T?> check, TimeSpan timeout, string what)
        where T : class
    {
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            // Take the signal before looking, so a call recorded in between is not missed.
            var changed = Volatile.Read(ref _callsChanged).Task;
            if (check(Calls) is { } found)
            {
                return found;
            }

            try
            {
                await changed.WaitAsync(expiry.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                if (check(Calls) is { } late)
                {
                    return late;
                }

                throw new TimeoutException(DescribeTimeout(what, timeout));
            }
        }
    }

    private string DescribeTimeout(string what, TimeSpan timeout)
    {
        var calls = Calls;
        var text = new StringBuilder()
            .Append("FakeBotApi: no ").Append(what).Append(" within ").Append(timeout.TotalSeconds).Append(" s. ")
            .Append(calls.Count).Append(" call(s) received");
        var polls = calls.Count(c => c.Method == "getUpdates");
        var listed = calls.Where(c => c.Method != "getUpdates").ToArray();
        text.Append(" (").Append(polls).Append(" getUpdates not listed)");
        text.Append(listed.Length == 0 ? "." : ":");
        foreach (var call in listed.TakeLast(CallsListedOnTimeout))
        {
            text.AppendLine().Append("  ").Append(call);
        }

        if (listed.Length > CallsListedOnTimeout)
        {
            text.AppendLine().Append("  (only the last ").Append(CallsListedOnTimeout).Append(" shown)");
        }

        text.AppendLine().Append("Pending updates: ").Append(PendingUpdateCount).Append(", confirmed offset: ").Append(ConfirmedOffset).Append('.');
        return text.ToString();
    }
}
