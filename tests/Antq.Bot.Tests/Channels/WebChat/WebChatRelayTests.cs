using Antq.Bot.Channels.WebChat;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>
/// Two instances on one PostgreSQL database: a visitor's page is open on one, the reply is delivered by the other. The
/// delivery is told through LISTEN/NOTIFY and wakes the page at once, not at its stream's next look (15 s).
/// </summary>
public sealed class WebChatRelayTests
{
    [Fact]
    public async Task A_delivery_on_one_instance_wakes_the_visitors_page_on_the_other()
    {
        await using var first = await TestBot.StartOnPostgresAsync();
        await using var second = await TestBot.StartBesideAsync(first);
        await WaitForListenersAsync(first, 2);
        const string Chat = "w-0123456789abcdef";

        var page = second.Services.GetRequiredService<WebChatFeed>().Next(Chat);
        var elsewhere = second.Services.GetRequiredService<WebChatFeed>().Next("w-someone-else");
        first.Services.GetRequiredService<WebChatFeed>().Notify(Chat);

        await page.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(elsewhere.IsCompleted, "only the chat delivered to wakes");
    }

    /// <summary>Until both relays' listening sessions are up (an earlier notification would be read by waking every page).</summary>
    private static async Task WaitForListenersAsync(TestBot bot, int count)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (await bot.QueryAsync(db => db.Database.SqlQueryRaw<int>($"SELECT COUNT(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN {WebChatFeedRelay.Topic}'").SingleAsync()) < count)
        {
            Assert.True(DateTime.UtcNow < until, "the relays never listened");
            await Task.Delay(100);
        }
    }
}
