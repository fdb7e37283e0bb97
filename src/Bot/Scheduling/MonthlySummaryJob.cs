using Antq.Core.Reports;
using Microsoft.Extensions.Options;
using Quartz;

namespace Antq.Bot.Scheduling;

/// <summary>On the first of the month: last month's summary to the admins, if <c>Reports:MonthlyToAdmins</c> is on.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlySummaryJob(MonthlySummary summary, IOptions<ReportOptions> options, ILogger<MonthlySummaryJob> logger) : IJob
{
    public const string Name = "monthly-summary";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // A trigger stored while the option was on outlives it in Quartz's tables; the option decides.
        if (!options.Value.MonthlyToAdmins)
        {
            return;
        }

        var admins = await summary.SendAsync(cancellationToken);
        logger.LogInformation("Monthly summary queued for {Admins} admin(s)", admins);
    }

    /// <summary>Quartz cron for 07:00 (or <paramref name="at"/>) local time on the 1st of every month.</summary>
    public static string Cron(TimeSpan at) => $"0 {at.Minutes} {at.Hours} 1 * ?";
}
