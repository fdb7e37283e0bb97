using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Microsoft.Data.Sqlite;
using Quartz;

namespace Antq.Bot.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with its persistent store in the service's own database (it creates its tables itself), calendar
    /// times in Asia/Ho_Chi_Minh, and the jobs that turn schedules into deliveries.
    /// </summary>
    public static WebApplicationBuilder AddScheduling(this WebApplicationBuilder builder, Core.Storage.DatabaseProvider provider, string connectionString)
    {
        builder.Services.AddOptions<BroadcastOptions>().Bind(builder.Configuration.GetSection(BroadcastOptions.Section));
        var interval = DueMessagesSchedule.Every(builder.Configuration);

        // One scheduler per database: its name is in every QRTZ_ row, so it must not change between restarts, and
        // two hosts in one process (tests) must not share one through Quartz's process-wide scheduler registry.
        var name = "antq-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(connectionString)))[..12];
        builder.Services.AddQuartz(name, q =>
        {
            q.UseDefaultTimeZone(LocalTime.Zone);

            // The clock job is a heartbeat on real time; what is due is decided by the jobs on the service's
            // TimeProvider. On a test's moved clock the heartbeat would count as misfired and stall for a minute.
            q.UseTimeProvider(TimeProvider.System);
            q.UsePersistentStore(store =>
            {
                if (provider == Core.Storage.DatabaseProvider.Postgres)
                {
                    // Several instances share one PostgreSQL: clustered, so each trigger fires once and a dead
                    // instance's jobs are taken over.
                    store.UsePostgres(connectionString);
                    store.UseClustering(c => c.CheckinInterval = TimeSpan.FromSeconds(5));
                }
                else
                {
                    store.UseSqlite(SqliteFactory.Instance, connectionString);
                }

                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
            });
            // The identity is the one stored by earlier versions (as "broadcast-clock"): configured jobs overwrite the stored
            // job of the same identity, so a database made before the rename runs this job and no orphan.
            q.ScheduleJob<DueMessagesJob>(
                trigger => trigger.WithIdentity("broadcast-clock").StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()),
                job => job.WithIdentity("broadcast-clock"));
            var reports = builder.Configuration.GetSection(Core.Reports.ReportOptions.Section).Get<Core.Reports.ReportOptions>() ?? new();
            if (reports.MonthlyToAdmins)
            {
                q.ScheduleJob<MonthlySummaryJob>(
                    trigger => trigger.WithIdentity(MonthlySummaryJob.Name).WithCronSchedule(MonthlySummaryJob.Cron(reports.MonthlyAt), c => c.InTimeZone(LocalTime.Zone)),
                    job => job.WithIdentity(MonthlySummaryJob.Name));
            }
        });
        builder.Services.AddQuartzHostedService(name, o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
