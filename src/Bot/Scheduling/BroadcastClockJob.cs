using Antq.Core.Broadcasts;
using Antq.Core.Events;
using Quartz;

namespace Antq.Bot.Scheduling;

/// <summary>A small job: due broadcasts and event reminders become delivery rows; the dispatcher does the sending.</summary>
[DisallowConcurrentExecution]
public sealed class BroadcastClockJob(BroadcastClock broadcasts, EventClock events) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await broadcasts.TickAsync(cancellationToken);
        await events.TickAsync(cancellationToken);
    }
}
