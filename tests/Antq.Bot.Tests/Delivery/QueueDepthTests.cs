using System.Globalization;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Delivery;

public sealed class QueueDepthTests
{
    /// <summary>Issue 16: with thousands of messages queued behind a flood, the gauge read 0 the whole time.</summary>
    [Fact]
    public async Task The_queue_depth_gauge_counts_a_backlog_by_channel_and_kind_and_reads_zero_once_it_is_sent()
    {
        await using var bot = await TestBot.StartAsync();
        using var http = new HttpClient { BaseAddress = bot.BaseAddress };

        // Telegram stops answering: what is queued stays queued (or in flight).
        bot.Api.HoldMessages();
        await bot.QueryAsync(db =>
        {
            var now = DateTime.UtcNow;
            void Queue(int chat, DeliveryPriority priority, OutboxKind? kind = null) =>
                OutboxRows.Queue(db, "telegram", chat.ToString(CultureInfo.InvariantCulture), "Tin đang đợi gửi", priority, now, kind);

            for (var i = 0; i < 40; i++)
            {
                Queue(934_000 + i, DeliveryPriority.Broadcast);
            }

            Queue(934_900, DeliveryPriority.Reply, OutboxKind.Tip);
            Queue(934_901, DeliveryPriority.Reply);
            Queue(934_902, DeliveryPriority.Reply);
            for (var i = 0; i < 3; i++)
            {
                Queue(934_910 + i, DeliveryPriority.Reminder);
            }

            return db.SaveChangesAsync();
        });

        await ShowsAsync(http, ("broadcast", 40), ("tip", 1), ("reply", 2), ("reminder", 3), ("notice", 0));

        // Telegram answers again: everything goes, and the gauge says so.
        bot.Api.DropHeld();
        await DispatcherTests.WaitUntilAsync(bot, db => db.Outbox.AllAsync(o => o.Status == DeliveryStatus.Sent));
        await ShowsAsync(http, ("broadcast", 0), ("tip", 0), ("reply", 0), ("reminder", 0), ("notice", 0));
    }

    /// <summary>Waits (a few seconds at most: the gauge is counted every five) until /metrics shows these Telegram depths.</summary>
    private static async Task ShowsAsync(HttpClient http, params (string Kind, int Count)[] expected)
    {
        var lines = expected.Select(e => $"antq_outbox_queue_depth{{channel=\"telegram\",kind=\"{e.Kind}\"}} {e.Count}").ToList();
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        var metrics = "";
        while (DateTime.UtcNow < deadline)
        {
            metrics = await http.GetStringAsync("/metrics");
            if (lines.All(l => metrics.Contains(l + "\n", StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("/metrics never showed\n" + string.Join("\n", lines) + "\nbut:\n" + string.Join("\n", metrics.Split('\n').Where(l => l.StartsWith("antq_outbox_queue_depth", StringComparison.Ordinal))));
    }
}
