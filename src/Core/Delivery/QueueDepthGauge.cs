using Antq.Core.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Antq.Core.Delivery;

/// <summary>
/// Counts the outbox's waiting rows by channel and kind every few seconds for <c>antq_outbox_queue_depth</c>, whatever
/// the dispatcher is doing (a backlog is when the number matters most). Every channel and kind is reported, zero
/// included, so a gauge that emptied reads 0 instead of its last value.
/// </summary>
public sealed partial class QueueDepthGauge(
    DeliveryQueue queue,
    IEnumerable<IChannelSender> senders,
    AntqMetrics metrics,
    TimeProvider time,
    ILogger<QueueDepthGauge> logger) : BackgroundService
{
    /// <summary>A read of the outbox (about 50 ms with a city-wide broadcast queued) every five seconds.</summary>
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly string[] _channels = [.. senders.Select(s => s.Channel)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            do
            {
                await CountAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task CountAsync(CancellationToken cancellationToken)
    {
        try
        {
            var depth = await queue.DepthAsync(cancellationToken);
            var channels = _channels.Concat(depth.Keys.Select(k => k.Channel)).Distinct();
            metrics.QueueDepth(
                from channel in channels
                from kind in Enum.GetValues<OutboxKind>()
                where kind != OutboxKind.Echo // written as sent: never waits
                select (channel, kind.ToString().ToLowerInvariant(), (long)depth.GetValueOrDefault((channel, kind))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting the outbox for antq_outbox_queue_depth failed; trying again in a few seconds")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
