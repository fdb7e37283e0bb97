using Antq.Core.Broadcasts;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Quartz;

namespace Antq.Bot.Scheduling;

/// <summary>
/// The heartbeat that turns what is due into delivery rows, for three clocks in turn: broadcasts, event reminders and
/// pledge renewal invitations. The dispatcher does the sending.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DueMessagesJob(BroadcastClock broadcasts, EventClock events, PledgeRenewals renewals) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await broadcasts.TickAsync(cancellationToken);
        await events.TickAsync(cancellationToken);
        await renewals.TickAsync(cancellationToken);
    }
}
