using System.Collections.Concurrent;
using System.Threading.Channels;
using Antq.Core.Conversations;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Inbox;

/// <summary>
/// A fixed set of lanes keyed by a hash of the chat: each lane handles its rows one at a time, so one chat is
/// never handled out of order and chats never wait for each other beyond their lane.
/// </summary>
/// <remarks>
/// On PostgreSQL several instances share the inbox, and the updates of one chat may arrive at any of them: a lane's
/// turn then takes the chat's <see cref="ChatLock"/> and handles every unhandled row of the chat up to the one posted,
/// oldest first, whichever instance stored them. On SQLite (one instance) a lane handles the posted row as it is.
/// </remarks>
public sealed partial class InboxLanes(
    ConversationEngine engine,
    InboxStore inbox,
    IDbContextFactory<AntqDb> dbFactory,
    StorageProvider storage,
    IOptions<ConversationOptions> options,
    ILogger<InboxLanes> logger) : IHostedService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)];
    private readonly CancellationTokenSource _stopping = new();

    // Rows posted to a lane and not yet done: a sweep does not post them again.
    private readonly ConcurrentDictionary<long, byte> _waiting = new();
    private Channel<StoredUpdate>[] _lanes = [];
    private Task[] _workers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = Math.Max(1, options.Value.Lanes);
        _lanes = Enumerable.Range(0, count).Select(_ => Channel.CreateUnbounded<StoredUpdate>(new UnboundedChannelOptions { SingleReader = true })).ToArray();
        _workers = _lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader))).ToArray();

        // What was stored but not handled before the last stop goes first, in order.
        var pending = await inbox.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogRecovered(logger, pending.Count);
        }

        Post(pending);
    }

    /// <summary>Whether the row waits in one of this instance's lanes (posted and not done yet).</summary>
    public bool IsWaiting(long inboxId) => _waiting.ContainsKey(inboxId);

    public void Post(IEnumerable<StoredUpdate> updates)
    {
        foreach (var update in updates)
        {
            if (!_waiting.TryAdd(update.Id, 0))
            {
                continue;
            }

            var lane = (int)((uint)HashCode.Combine(update.Channel, update.ChatId) % (uint)_lanes.Length);
            if (!_lanes[lane].Writer.TryWrite(update))
            {
                // Stopping: the row stays unhandled in the store, for the next start or another instance's sweep.
                _waiting.TryRemove(update.Id, out _);
            }
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

    private async Task RunLaneAsync(ChannelReader<StoredUpdate> reader)
    {
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                while (!_stopping.IsCancellationRequested && reader.TryRead(out var update))
                {
                    try
                    {
                        await (storage.IsSqlite ? HandleWithRetriesAsync(null, update.Id) : HandleChatAsync(update));
                    }
                    finally
                    {
                        _waiting.TryRemove(update.Id, out _);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// On PostgreSQL: under the chat's lock, the chat's unhandled rows up to the posted one, oldest first, on the
    /// connection that holds the lock. The one lock is what keeps the chat in order across instances.
    /// </summary>
    private async Task HandleChatAsync(StoredUpdate update)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(_stopping.Token);
            await db.Database.OpenConnectionAsync(_stopping.Token);
            await using var chat = await ChatLock.TakeAsync(db.Database.GetDbConnection(), update.Channel, update.ChatId, _stopping.Token);
            foreach (var id in await chat.UnhandledUpToAsync(update.Id, _stopping.Token))
            {
                await HandleWithRetriesAsync(db, id);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database went away mid-turn: what is not handled stays in the inbox for the sweep (InboxSweep).
            LogTurnFailed(logger, update.Id, ex.GetType().Name);
        }
    }

    private async Task HandleWithRetriesAsync(AntqDb? db, long id)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                // A failed attempt may leave what it loaded tracked on the shared context: each attempt starts clean.
                db?.ChangeTracker.Clear();
                await (db is null ? engine.HandleAsync(id, CancellationToken.None) : engine.HandleAsync(db, id, CancellationToken.None));
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A turn for update {InboxId} stopped ({Error}); its chat's rows left unhandled are taken by the next sweep")]
    private static partial void LogTurnFailed(ILogger logger, long inboxId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling update {InboxId} failed for good; the resident gets an apology")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, long inboxId);
}
