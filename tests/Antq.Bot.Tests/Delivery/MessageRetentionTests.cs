using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Inbox;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Delivery;

public sealed class MessageRetentionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Messages_done_and_updates_handled_go_after_the_days_kept_but_nothing_unsent_and_no_unsettled_broadcast(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider, s =>
        {
            s["Delivery:KeepDays"] = "30";
            s["Delivery:CleanupInterval"] = "01:00:00";
        });
        var old = DateTime.UtcNow.AddDays(-31);
        var recent = DateTime.UtcNow.AddDays(-29);
        await bot.QueryAsync(async db =>
        {
            var settled = new Broadcast { Text = "Cảnh giác lừa đảo qua mạng", Status = BroadcastStatus.Sent, CreatedAt = old, ScheduledFor = old, Delivered = 1 };
            var paused = new Broadcast { Text = "Phòng cháy chữa cháy mùa khô", Status = BroadcastStatus.Paused, CreatedAt = old, ScheduledFor = old };
            db.Broadcasts.AddRange(settled, paused);
            await db.SaveChangesAsync();

            OutboxMessage Row(string chat, DeliveryStatus status, DateTime at, long? broadcast = null) => new()
            {
                Channel = "telegram", ChatId = chat, Payload = "{\"text\":\"Mã theo dõi: K7QM-3XPA\"}", Status = status,
                // A queued row waits for tomorrow, so the running dispatcher leaves it queued during the test.
                CreatedAt = at, NotBefore = status == DeliveryStatus.Queued ? DateTime.UtcNow.AddDays(1) : at, BroadcastId = broadcast, Priority = broadcast is null ? DeliveryPriority.Reply : DeliveryPriority.Broadcast,
            };
            db.Outbox.AddRange(
                Row("8101", DeliveryStatus.Sent, old),
                Row("8102", DeliveryStatus.Failed, old),
                Row("8103", DeliveryStatus.Blocked, old),
                Row("8104", DeliveryStatus.Sent, old, settled.Id),
                Row("8105", DeliveryStatus.Sent, old, paused.Id),
                Row("8106", DeliveryStatus.Queued, old, paused.Id),
                Row("8107", DeliveryStatus.Queued, old),
                Row("8108", DeliveryStatus.Sent, recent));
            InboxUpdate Update(string id, DateTime at, DateTime? handled) => new()
            {
                Channel = "telegram", ExternalId = id, ChatId = "8101", ReceivedAt = at, HandledAt = handled,
                Payload = handled is null ? "{\"channel\":\"telegram\",\"updateId\":\"" + id + "\",\"chatId\":\"8101\",\"userId\":\"8101\",\"kind\":\"Text\",\"text\":\"/menu\"}" : null,
            };
            db.Inbox.AddRange(Update("990101", old, old), Update("990102", recent, recent));
            return await db.SaveChangesAsync();
        });

        var retention = bot.Services.GetServices<IHostedService>().OfType<MessageRetention>().Single();
        var (outbox, inbox) = await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal((4, 1), (outbox, inbox));
        var left = await bot.QueryAsync(db => db.Outbox.Where(o => o.ChatId.StartsWith("81")).OrderBy(o => o.ChatId).Select(o => o.ChatId).ToListAsync());
        Assert.Equal(["8105", "8106", "8107", "8108"], left);
        Assert.Equal(["990102"], await bot.QueryAsync(db => db.Inbox.Where(i => i.ExternalId.StartsWith("9901")).Select(i => i.ExternalId).ToListAsync()));

        // Again: nothing more is old enough.
        Assert.Equal((0, 0), await retention.RunOnceAsync(CancellationToken.None));
    }
}
