using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

/// <summary>The job that turns due messages into deliveries was renamed; databases scheduled before still run it.</summary>
public sealed class DueMessagesJobTests
{
    [Fact]
    public async Task A_database_scheduled_under_the_old_job_name_runs_the_renamed_job_and_keeps_no_orphan()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.OfficerAsync(807_001, "Đại úy Minh", OfficerRole.Admin, null);
        await bot.StopAsync();

        // As a database made before the rename stores it: the same identity, the old class.
        await bot.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE QRTZ_JOB_DETAILS SET JOB_CLASS_NAME = replace(JOB_CLASS_NAME, 'DueMessagesJob', 'BroadcastClockJob')"));
        Assert.Contains("BroadcastClockJob", string.Join(",", await JobClassesAsync(bot)), StringComparison.Ordinal);

        await bot.RestartAsync();
        await bot.QueryAsync(async db =>
        {
            var officer = await db.Officers.SingleAsync();
            db.Residents.Add(new Resident
            {
                Channel = "telegram", ExternalUserId = "807301", ChatId = "807301", Language = "vi", WardId = "mai-pha", UnitId = "mai-pha-k1",
                Topics = Topics.Events, ConsentedAt = DateTime.UtcNow, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            db.Broadcasts.Add(new Broadcast
            {
                OfficerId = officer.Id, Text = "Ngày hội Toàn dân bảo vệ ANTQ: 7 giờ 30 sáng Chủ nhật.", Topic = BroadcastTopic.Festival,
                WardIds = "mai-pha", ScheduledFor = bot.Clock.GetUtcNow().UtcDateTime, Status = BroadcastStatus.Scheduled, CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        await bot.Chat(807_301).Sees("Ngày hội Toàn dân bảo vệ ANTQ");
        var job = Assert.Single(await JobClassesAsync(bot));
        Assert.Contains("DueMessagesJob", job, StringComparison.Ordinal);
    }

    private static Task<List<string>> JobClassesAsync(TestBot bot) =>
        bot.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT JOB_CLASS_NAME AS Value FROM QRTZ_JOB_DETAILS WHERE JOB_NAME = 'broadcast-clock'").ToListAsync());
}
