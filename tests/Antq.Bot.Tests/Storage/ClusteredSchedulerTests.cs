using System.Globalization;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Storage;

/// <summary>Quartz on PostgreSQL with two instances: one cluster, and each scheduled broadcast goes out once.</summary>
public sealed class ClusteredSchedulerTests
{
    [Fact]
    public async Task Scheduled_broadcasts_go_out_once_with_two_instances_on_one_database()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var first = cluster.First;
        await first.OfficerAsync(925_900, "Đại úy Minh", OfficerRole.Admin, null);
        var residents = Enumerable.Range(925_001, 20).Select(c => (long)c).ToList();
        await first.FollowersAsync(Topics.Events, residents);

        // Both instances check in to one cluster, each under an id of its own.
        var instances = await WaitForCheckInsAsync(first, 2);
        Assert.Equal(2, instances.Distinct().Count());

        // Several broadcasts fall due at the same moment, while both instances' clocks tick every half second.
        var due = first.Clock.GetUtcNow().UtcDateTime.AddSeconds(2);
        await first.QueryAsync(async db =>
        {
            var officer = await db.Officers.SingleAsync();
            for (var i = 1; i <= 5; i++)
            {
                db.Broadcasts.Add(new Broadcast
                {
                    OfficerId = officer.Id, Text = $"Thông báo số {i}: họp tổ dân phố tối thứ Bảy.", Topic = BroadcastTopic.Festival,
                    WardIds = "chi-lang", ScheduledFor = due, Status = BroadcastStatus.Scheduled, CreatedAt = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });

        // Every resident is reached by every broadcast.
        foreach (var resident in residents.Select(r => r.ToString(CultureInfo.InvariantCulture)))
        {
            for (var i = 1; i <= 5; i++)
            {
                var text = $"Thông báo số {i}:";
                await first.Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == resident && c.Field("text")!.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            }
        }

        // Each broadcast was started once, by one instance: one delivery row for each resident, not one for each
        // instance. (That each row is sent once across instances is the delivery's lease, tested with it.)
        var started = await first.QueryAsync(db => db.Outbox.Where(o => o.BroadcastId != null).GroupBy(o => new { o.BroadcastId, o.ChatId }).Select(g => g.Count()).ToListAsync());
        Assert.Equal(100, started.Count);
        Assert.All(started, rows => Assert.Equal(1, rows));
        Assert.Equal(5, await first.QueryAsync(db => db.Broadcasts.CountAsync(b => b.StartedAt != null)));
    }

    private static async Task<List<string>> WaitForCheckInsAsync(TestBot bot, int count)
    {
        for (var i = 0; ; i++)
        {
            var names = await bot.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT instance_name AS \"Value\" FROM qrtz_scheduler_state").ToListAsync());
            if (names.Count >= count || i > 100)
            {
                return names;
            }

            await Task.Delay(100);
        }
    }
}
