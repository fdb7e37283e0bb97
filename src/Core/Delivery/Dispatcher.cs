using System.Threading.Channels;
using Antq.Core.Diagnostics;
using Antq.Core.Instances;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Delivery;

/// <summary>
/// Sends the outbox as a pipeline: a leasing loop takes due rows by priority (replies first) while earlier ones are
/// still being sent; each chat's rows go one after the other in order, many chats at once, each channel within its
/// overall and per-chat limits; outcomes are recorded in batches by a writer of their own. A "retry after" slows
/// the whole channel down.
/// </summary>
/// <remarks>
/// Each channel holds at most about a quarter of a second of its rate in hand (leased, not yet sent), so a reply leased
/// while a broadcast is running waits behind that much broadcast traffic at most, never behind a whole batch. One chat
/// holds at most <see cref="DeliveryOptions.MaxInHandPerChat"/> rows, so a resident sent a flood of answers keeps the
/// rest queued in the database, and while that chat waits out its own limit it takes no room from the others
/// (<see cref="InHand"/>).
/// <para>
/// On a shared database (several instances, PostgreSQL) the rows it leases carry this instance's id, a chat held in
/// flight by another instance is left to it, the channel's rate is shared through the database
/// (<see cref="SharedChannelGate"/>), and only gone instances' rows are taken back (<see cref="InstanceHeartbeat"/>).
/// </para>
/// </remarks>
public sealed partial class Dispatcher(
    DeliveryQueue queue,
    IEnumerable<IChannelSender> senders,
    DeliverySignal signal,
    ReplyHandoff handoff,
    ThisInstance me,
    InstanceHeartbeat heartbeat,
    SharedPace pace,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    AntqMetrics metrics,
    ILogger<Dispatcher> logger) : BackgroundService, IReplyTaker
{
    private static readonly TimeSpan InHandHorizon = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<string, ChannelPacer> _channels = senders.ToDictionary(s => s.Channel, s => new ChannelPacer(s, pace.Enabled ? pace : null));
    private readonly Channel<DeliveryOutcome> _outcomes = Channel.CreateUnbounded<DeliveryOutcome>(new UnboundedChannelOptions { SingleReader = true });
    private InHand? _hand;
    private SemaphoreSlim _senders = new(1);
    private CancellationToken _stopping;

    private InHand Hand => _hand ?? throw new InvalidOperationException("The dispatcher has not started.");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_channels.Count == 0)
        {
            LogNoChannels(logger);
            return;
        }

        var settings = options.Value;
        _senders = new SemaphoreSlim(settings.MaxConcurrency);
        _stopping = stoppingToken;
        _hand = new InHand(
            _channels.ToDictionary(c => c.Key, c => Budget(c.Value, settings)),
            Math.Max(1, settings.MaxInHandPerChat),
            Math.Max(settings.BatchSize, 1) * 10);

        // On SQLite, one process per database: whatever a previous process left in flight is its own, and it is gone.
        // On a shared database, only what gone instances left: the others are sending theirs.
        await TakeBackLeftInFlightAsync(stoppingToken);
        var recorder = Task.Run(RecordOutcomesAsync, CancellationToken.None);
        handoff.Attach(this);
        var reclaimEvery = (long)((settings.LeaseDuration / 4).TotalSeconds * time.TimestampFrequency);
        var lastReclaim = time.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A lease that ran out means a send was left unrecorded (a hand-over refused at a stop): checked now and then.
                var reclaim = time.GetTimestamp() - lastReclaim > reclaimEvery;
                var leased = 0;
                foreach (var channel in _channels.Keys)
                {
                    var room = Hand.Room(channel);
                    if (room <= 0)
                    {
                        continue;
                    }

                    var rows = await queue.LeaseAsync([channel], room, Hand.PerChat, settings.LeaseDuration, stoppingToken, ChatSpacing(channel));
                    if (reclaim)
                    {
                        rows.AddRange(await queue.ReclaimExpiredAsync([channel], room - rows.Count, settings.LeaseDuration, stoppingToken));
                    }

                    Start(Hand.Add(rows));
                    leased += rows.Count;
                }

                if (reclaim)
                {
                    lastReclaim = time.GetTimestamp();
                }

                if (leased == 0)
                {
                    // Woken by new rows (the engine, the clocks) or by room made in hand.
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopError(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        // Stopping: rows in hand finish sending or go back to the queue untouched; then their outcomes are written.
        handoff.Detach(this);
        await Hand.CloseAsync().WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _outcomes.Writer.TryComplete();
        await recorder;
    }

    /// <summary>
    /// Rows left in flight by the process before this one go back to the queue at once, not when their lease runs out:
    /// with one process per database (SQLite), nobody else is sending them. Several instances sharing a database lease
    /// under their ids and take back only the rows of instances whose heartbeat stopped (<see cref="InstanceHeartbeat"/>),
    /// this one's row written first so that no other takes its leases for a gone instance's.
    /// </summary>
    private async Task TakeBackLeftInFlightAsync(CancellationToken cancellationToken)
    {
        try
        {
            await heartbeat.RegisterAsync().WaitAsync(cancellationToken);
            var taken = me.Shared ? await heartbeat.TakeBackFromGoneAsync(cancellationToken) : await queue.TakeBackInFlightAsync(cancellationToken);
            if (taken > 0 && !me.Shared)
            {
                LogTakenBack(logger, taken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // They still come back when their lease runs out.
            LogLoopError(logger, ex);
        }
    }

    /// <summary>How many chats a channel may have ready to send: a quarter of a second of its rate, within the batch size.</summary>
    private static int Budget(ChannelPacer pacer, DeliveryOptions settings)
    {
        var limits = pacer.Sender.Limits;
        var rate = Math.Max(limits.PerSecond, pacer.PaidBroadcasts ? limits.PaidBroadcastPerSecond ?? 0 : 0);
        return Math.Clamp((int)Math.Ceiling(rate * InHandHorizon.TotalSeconds), 1, settings.BatchSize);
    }

    TimeSpan IReplyTaker.Lease => options.Value.LeaseDuration;

    string IReplyTaker.Instance => me.Id;

    bool IReplyTaker.Shared => me.Shared;

    DateTime IReplyTaker.SentElsewhereAfter(string channel) => time.GetUtcNow().UtcDateTime - ChatSpacing(channel);

    /// <summary>The least time between two messages to one chat on the channel (its per-chat rate).</summary>
    private TimeSpan ChatSpacing(string channel) =>
        _channels.TryGetValue(channel, out var pacer) && pacer.Sender.Limits.PerChatPerSecond > 0
            ? TimeSpan.FromSeconds(1 / pacer.Sender.Limits.PerChatPerSecond)
            : TimeSpan.Zero;

    bool IReplyTaker.Sends(string channel) => _channels.ContainsKey(channel);

    bool IReplyTaker.Reserve(string channel, string chatId, int count) => _hand is { } hand && hand.Reserve(channel, chatId, count);

    /// <summary>A turn's replies, leased and committed by the engine (<see cref="ReplyHandoff"/>): sent like leased rows.</summary>
    bool IReplyTaker.Take(IReadOnlyList<OutboxMessage> rows)
    {
        if (rows.Count == 0)
        {
            return true;
        }

        var chat = Hand.Take(rows, out var taken);
        if (chat is not null)
        {
            Start([chat]);
        }

        return taken;
    }

    void IReplyTaker.Release(string channel, string chatId, int count) => Hand.Release(channel, chatId, count);

    private void Start(List<InHand.ChatRows> chats)
    {
        foreach (var chat in chats)
        {
            _ = Task.Run(() => SendChatAsync(chat), CancellationToken.None);
        }
    }

    /// <summary>One chat's rows, in order; once one cannot go, the rest of the chat in hand waits with it.</summary>
    private async Task SendChatAsync(InHand.ChatRows chat)
    {
        var settings = options.Value;
        DeliveryOutcome? stop = null;
        while (Hand.Next(chat) is { } row)
        {
            DeliveryOutcome outcome;
            if (stop is { } s)
            {
                outcome = new DeliveryOutcome(row.Id, row.Channel, row.ChatId, s.Status, s.NotBefore, s.Error, CountsAsAttempt: false);
            }
            else
            {
                outcome = await SendAsync(chat, row, settings);
                if (outcome.Status != DeliveryStatus.Sent && outcome.Status != DeliveryStatus.Failed)
                {
                    stop = outcome;
                }
            }

            _outcomes.Writer.TryWrite(outcome);
            if (Hand.Finish(chat))
            {
                // The leasing loop found no room for this channel and waits for some: there is some now.
                signal.Notify();
            }
        }
    }

    private async Task<DeliveryOutcome> SendAsync(InHand.ChatRows chat, OutboxMessage row, DeliveryOptions settings)
    {
        var pacer = _channels[row.Channel];
        var entered = false;
        try
        {
            // Waiting out the chat's own limit first, aside: the channel's budget goes to chats that can send now.
            var wait = pacer.ReserveChatTurn(row.ChatId);
            if (wait > TimeSpan.Zero)
            {
                if (Hand.Hold(chat, held: true))
                {
                    signal.Notify();
                }

                try
                {
                    await Task.Delay(wait, _stopping);
                }
                finally
                {
                    Hand.Hold(chat, held: false);
                }
            }

            await _senders.WaitAsync(_stopping);
            entered = true;
            var paid = pacer.PaidBroadcasts && row.Priority == DeliveryPriority.Broadcast;
            var turn = await pacer.WaitChannelTurnAsync(paid, _stopping);
            var message = OutboxWriter.Read(row);
            SendResult result;
            try
            {
                // A request already on its way is not cancelled by a stop: the channel may have delivered it, and marking
                // it queued again would send it twice after the restart. The stop waits for it (the client's own timeout bounds it).
                result = await pacer.Sender.SendAsync(row.ChatId, paid ? message with { PaidBroadcast = true } : message, CancellationToken.None);
            }
            finally
            {
                pacer.Sent(turn);
            }

            var outcome = Judge(row, result, pacer, settings);
            if (message.KeepsMessageId && outcome.Status == DeliveryStatus.Sent)
            {
                // A channel that names no messages (web chat) addresses them by the outbox row: an edit keeps the id it replaced.
                outcome = outcome with { ChannelMessageId = result.MessageId ?? message.ReplacesMessageId ?? row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }

            // The answer to an erasure, done with: its row, the chat's last record, is removed rather than kept.
            if (message.ForgetsChat && outcome.Status is not DeliveryStatus.Queued && !pacer.Sender.ReadsBackFromOutbox)
            {
                outcome = outcome with { Forget = true };
            }

            return outcome;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: what was not sent goes back to the queue untouched.
            return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Queued, CountsAsAttempt: false);
        }
        catch (Exception ex)
        {
            return Judge(row, new SendResult(SendStatus.Transient, Error: ex.GetType().Name), pacer, settings);
        }
        finally
        {
            if (entered)
            {
                _senders.Release();
            }
        }
    }

    /// <summary>Writes outcomes as they come, in batches: whatever finished while the last batch was being written.</summary>
    private async Task RecordOutcomesAsync()
    {
        var reader = _outcomes.Reader;
        var batch = new List<DeliveryOutcome>();
        var failures = 0;
        while (batch.Count > 0 || await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < 1000 && reader.TryRead(out var outcome))
            {
                batch.Add(outcome);
            }

            try
            {
                await queue.CompleteAsync(batch, CancellationToken.None);
                batch.Clear();
                failures = 0;
            }
            catch (Exception ex) when (++failures < 10 || !reader.Completion.IsCompleted)
            {
                // Kept for the next attempt; the rows stay leased meanwhile, so none is sent twice.
                LogRecordError(logger, ex, batch.Count);
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }
    }

    private DeliveryOutcome Judge(OutboxMessage row, SendResult result, ChannelPacer pacer, DeliveryOptions settings)
    {
        var now = time.GetUtcNow().UtcDateTime;
        metrics.Sent(row.Channel, result.Status.ToString().ToLowerInvariant());
        switch (result.Status)
        {
            case SendStatus.Sent:
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Sent);
            case SendStatus.RetryAfter:
                metrics.RateLimited(row.Channel);
                pacer.PauseFor(result.RetryAfter);
                LogRetryAfter(logger, row.Channel, result.RetryAfter.TotalSeconds);
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Queued, now + result.RetryAfter, "429", CountsAsAttempt: false);
            case SendStatus.Blocked:
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Blocked, Error: "blocked by the resident");
            case SendStatus.NotReachable:
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.NotReachable, Error: Short(result.Error ?? "not reachable on the channel now"));
            case SendStatus.Rejected:
                LogRejected(logger, row.Id, result.Error);
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Failed, Error: Short(result.Error));
            default:
                if (row.Attempts + 1 >= settings.MaxAttempts)
                {
                    return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Failed, Error: Short(result.Error));
                }

                // 1 s, 2 s, 4 s … capped at 5 minutes.
                var backoff = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, row.Attempts)));
                return new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Queued, now + backoff, Short(result.Error));
        }
    }

    private static string? Short(string? error) => error is null || error.Length <= 300 ? error : error[..300];

    [LoggerMessage(Level = LogLevel.Warning, Message = "No channel is configured: outgoing messages stay queued until one is")]
    private static partial void LogNoChannels(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dispatcher loop failed; retrying in a second")]
    private static partial void LogLoopError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording {Count} delivery outcome(s) failed; retrying in a second")]
    private static partial void LogRecordError(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} outgoing message(s) left in flight by the previous run go back to the queue")]
    private static partial void LogTakenBack(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} asked to slow down: nothing is sent to it for {Seconds} s")]
    private static partial void LogRetryAfter(ILogger logger, string channel, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outgoing message {Id} was refused by the channel: {Error}")]
    private static partial void LogRejected(ILogger logger, long id, string? error);
}
