using System.Collections.Concurrent;
using Antq.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Antq.Core.Delivery;

/// <summary>
/// Sends the outbox: batches leased by priority (replies first), one chat's messages in order, many chats at
/// once, each channel within its overall and per-chat limits. A "retry after" slows the whole channel down.
/// </summary>
public sealed partial class Dispatcher(
    DeliveryQueue queue,
    IEnumerable<IChannelSender> senders,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    AntqMetrics metrics,
    ILogger<Dispatcher> logger) : BackgroundService
{
    private readonly Dictionary<string, ChannelPacer> _channels = senders.ToDictionary(s => s.Channel, s => new ChannelPacer(s));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_channels.Count == 0)
        {
            LogNoChannels(logger);
            return;
        }

        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.LeaseAsync(_channels.Keys, settings.BatchSize, settings.LeaseDuration, stoppingToken);
                if (batch.Count == 0)
                {
                    metrics.QueueDepth(await queue.CountQueuedAsync(stoppingToken));
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                var outcomes = await SendBatchAsync(batch, settings, stoppingToken);
                await queue.CompleteAsync(outcomes, CancellationToken.None);
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
    }

    private async Task<List<DeliveryOutcome>> SendBatchAsync(List<OutboxMessage> batch, DeliveryOptions settings, CancellationToken stoppingToken)
    {
        var outcomes = new ConcurrentBag<DeliveryOutcome>();
        var chats = batch.GroupBy(r => (r.Channel, r.ChatId)).Select(g => g.OrderBy(r => r.Id).ToList()).ToList();
        await Parallel.ForEachAsync(
            chats,
            new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency },
            async (rows, _) =>
            {
                foreach (var outcome in await SendChatAsync(rows, settings, stoppingToken))
                {
                    outcomes.Add(outcome);
                }
            });
        return [.. outcomes];
    }

    /// <summary>One chat's rows, in order; once one cannot go, the rest of the chat waits with it.</summary>
    private async Task<List<DeliveryOutcome>> SendChatAsync(List<OutboxMessage> rows, DeliveryOptions settings, CancellationToken stoppingToken)
    {
        var results = new List<DeliveryOutcome>(rows.Count);
        var pacer = _channels[rows[0].Channel];
        DeliveryOutcome? stop = null;
        foreach (var row in rows)
        {
            if (stop is { } s)
            {
                results.Add(new DeliveryOutcome(row.Id, row.Channel, row.ChatId, s.Status, s.NotBefore, s.Error, CountsAsAttempt: false));
                continue;
            }

            DeliveryOutcome outcome;
            try
            {
                var paid = pacer.PaidBroadcasts && row.Priority == DeliveryPriority.Broadcast;
                await pacer.WaitTurnAsync(row.ChatId, paid, stoppingToken);
                var message = OutboxWriter.Read(row);
                var result = await pacer.Sender.SendAsync(row.ChatId, paid ? message with { PaidBroadcast = true } : message, stoppingToken);
                outcome = Judge(row, result, pacer, settings);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: what was not sent goes back to the queue untouched.
                outcome = new DeliveryOutcome(row.Id, row.Channel, row.ChatId, DeliveryStatus.Queued, CountsAsAttempt: false);
            }
            catch (Exception ex)
            {
                outcome = Judge(row, new SendResult(SendStatus.Transient, Error: ex.GetType().Name), pacer, settings);
            }

            results.Add(outcome);
            if (outcome.Status != DeliveryStatus.Sent && outcome.Status != DeliveryStatus.Failed)
            {
                stop = outcome;
            }
        }

        return results;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel} asked to slow down: nothing is sent to it for {Seconds} s")]
    private static partial void LogRetryAfter(ILogger logger, string channel, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outgoing message {Id} was refused by the channel: {Error}")]
    private static partial void LogRejected(ILogger logger, long id, string? error);
}
