using System.Threading.Channels;
using Antq.Core.Conversations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Inbox;

/// <summary>
/// A fixed set of lanes keyed by a hash of the chat: each lane handles its rows one at a time, so one chat is
/// never handled out of order and chats never wait for each other beyond their lane.
/// </summary>
public sealed partial class InboxLanes(
    ConversationEngine engine,
    InboxStore inbox,
    IOptions<ConversationOptions> options,
    ILogger<InboxLanes> logger) : IHostedService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)];
    private readonly CancellationTokenSource _stopping = new();
    private Channel<long>[] _lanes = [];
    private Task[] _workers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = Math.Max(1, options.Value.Lanes);
        _lanes = Enumerable.Range(0, count).Select(_ => Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        _workers = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader))).ToArray();

        // What was stored but not handled before the last stop goes first, in order.
        var pending = await inbox.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogRecovered(logger, pending.Count);
        }

        Post(pending);
    }

    public void Post(IEnumerable<StoredUpdate> updates)
    {
        foreach (var update in updates)
        {
            var lane = (int)((uint)HashCode.Combine(update.Channel, update.ChatId) % (uint)_lanes.Length);
            _lanes[lane].Writer.TryWrite(update.Id);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop after the row in hand; rows still waiting stay unhandled in the store and are taken at the next start.
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunLaneAsync(ChannelReader<long> reader)
    {
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                while (!_stopping.IsCancellationRequested && reader.TryRead(out var id))
                {
                    await HandleWithRetriesAsync(id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private async Task HandleWithRetriesAsync(long id)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await engine.HandleAsync(id, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < RetryDelays.Length)
            {
                LogRetry(logger, id, attempt + 1, ex.GetType().Name);
                await Task.Delay(RetryDelays[attempt]);
            }
            catch (Exception ex)
            {
                LogGaveUp(logger, ex, id);
                await engine.GiveUpAsync(id, ex, CancellationToken.None);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} stored update(s) from before the last stop will be handled now")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling update {InboxId} failed (attempt {Attempt}, {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, long inboxId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling update {InboxId} failed for good; the resident gets an apology")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long inboxId);
}
