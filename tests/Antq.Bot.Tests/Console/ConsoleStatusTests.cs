using Antq.Core.Delivery;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/admin/status: the service, its channels, the outgoing queue by kind and the last sending errors.</summary>
public sealed class ConsoleStatusTests
{
    [Fact]
    public async Task The_status_page_shows_the_queue_depth_by_kind_and_the_last_sending_error_without_its_recipient()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await ConsoleAdminOfficersTests.AdminClientAsync(bot);

        // Waiting for later (a broadcast's pace, a retry), so the dispatcher leaves them in the queue.
        var later = bot.Clock.GetUtcNow().UtcDateTime.AddHours(1);
        await bot.QueryAsync(db =>
        {
            for (var i = 0; i < 3; i++)
            {
                OutboxRows.Queue(db, "telegram", "70190" + i, "Thông báo lịch tuần tra", DeliveryPriority.Broadcast, later);
            }

            OutboxRows.Queue(db, "telegram", "881501", "Tin báo mới", DeliveryPriority.Reply, later, OutboxKind.Tip);
            db.Outbox.Add(new OutboxMessage
            {
                Channel = "telegram", ChatId = "701999", Priority = DeliveryPriority.Reply, Payload = "{}", Status = DeliveryStatus.Failed,
                Attempts = 5, CreatedAt = later.AddHours(-2), NotBefore = later, LastError = "Bad Request: message is too long",
            });
            return db.SaveChangesAsync();
        });

        var page = await admin.GetStringAsync("/console/admin/status");

        Assert.Contains("data-depth=\"telegram-broadcast\">3<", page, StringComparison.Ordinal);
        Assert.Contains("data-depth=\"telegram-tip\">1<", page, StringComparison.Ordinal);
        Assert.Contains("data-depth=\"telegram-reply\">0<", page, StringComparison.Ordinal);
        Assert.Contains("data-depth=\"telegram-total\">4<", page, StringComparison.Ordinal);
        Assert.Contains("data-channel=\"telegram\"", page, StringComparison.Ordinal);
        Assert.Contains("Bad Request: message is too long", page, StringComparison.Ordinal);
        Assert.DoesNotContain("701999", page, StringComparison.Ordinal);
        Assert.Contains("data-ready=\"yes\"", page, StringComparison.Ordinal);
    }
}
