using Antq.Core.Broadcasts;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Quartz;

namespace Antq.Bot.Scheduling;

/// <summary>
/// A small job: due broadcasts, event reminders and pledge renewal invitations become delivery rows; the
/// dispatcher does the sending.
/// </summary>
[DisallowConcurrentExecution]
public sealed class BroadcastClockJob(BroadcastClock broadcasts, EventClock events, PledgeRenewals renewals) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await broadcasts.TickAsync(cancellationToken);
        await events.TickAsync(cancellationToken);
        await renewals.TickAsync(cancellationToken);
    }
}
