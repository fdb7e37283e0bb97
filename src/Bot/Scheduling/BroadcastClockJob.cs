using Antq.Core.Broadcasts;
using Quartz;

namespace Antq.Bot.Scheduling;

/// <summary>A small job: due broadcasts become delivery rows; the dispatcher does the sending.</summary>
[DisallowConcurrentExecution]
public sealed class BroadcastClockJob(BroadcastClock clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await clock.TickAsync(cancellationToken);
}
