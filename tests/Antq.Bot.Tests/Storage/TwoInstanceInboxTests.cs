using System.Diagnostics;
using System.Globalization;
using Antq.Core.Delivery;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Storage;

/// <summary>
/// Incoming updates with two instances in webhook mode on one PostgreSQL: any instance takes any update, each is
/// handled once, one chat in order whichever instance received it, and nothing is lost with an instance.
/// </summary>
public sealed class TwoInstanceInboxTests
{
    private const string HelpVi = "Các lệnh bạn có thể dùng:";
    private const string HelpEn = "Commands you can use:";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_same_update_posted_to_both_instances_is_stored_and_answered_once()
    {
        await using var cluster = await TwoInstances.StartAsync();
        var update = UpdateFactory.Text(77_001, 921_001, "/help");

        // Telegram retries a webhook call it saw fail; behind a balancer the retry may reach the other instance.
        await Task.WhenAll(TwoInstances.PostAsync(cluster.First, update), TwoInstances.PostAsync(cluster.Second, update));

        var chat = cluster.First.Chat(921_001);
        await chat.Sees(HelpVi);
        await chat.SeesNothingFor(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await cluster.First.QueryAsync(db => db.Inbox.CountAsync(i => i.ChatId == "921001")));
    }

    [Fact]
    public async Task Updates_of_one_chat_posted_alternately_to_both_instances_are_each_answered_once_in_order()
    {
        await using var cluster = await TwoInstances.StartAsync();
        const int Chats = 8;
        const int PerChat = 12;

        // Each chat writes /help in Vietnamese, then in English, and so on, each to the other instance than the last:
        // the answers must come back alternating, one for each.
        var updateId = 78_000L;
        await Task.WhenAll(Enumerable.Range(0, Chats).Select(async c =>
        {
            for (var i = 0; i < PerChat; i++)
            {
                var id = Interlocked.Increment(ref updateId);
                await TwoInstances.PostAsync(i % 2 == 0 ? cluster.First : cluster.Second, UpdateFactory.Text(id, 922_000 + c, "/help", i % 2 == 0 ? "vi" : "en"));
            }
        }));

        // Handled in the order stored: by id, each chat's handled times never go back.
        await WaitUntilHandledAsync(cluster.First, Chats * PerChat);
        var rows = await cluster.First.QueryAsync(db => db.Inbox.Where(i => i.ChatId.StartsWith("922")).OrderBy(i => i.Id).Select(i => new { i.ChatId, i.HandledAt, i.Error }).ToListAsync());
        Assert.All(rows, r => Assert.Null(r.Error));
        foreach (var chat in rows.GroupBy(r => r.ChatId))
        {
            var handled = chat.Select(r => r.HandledAt!.Value).ToList();
            Assert.Equal(handled.Order(), handled);
        }

        // Each chat is answered once for each update, the answers written in the order it wrote them.
        var scripts = Enumerable.Range(922_000, Chats).Select(c => cluster.First.Chat(c)).ToList();
        foreach (var chat in scripts)
        {
            Assert.Equal(Enumerable.Range(0, PerChat).Select(i => i % 2 == 0 ? HelpVi : HelpEn), await WrittenAnswersAsync(cluster.First, chat.ChatId));
            Assert.Equal(PerChat, (await AnswersAsync(chat, PerChat)).Count);
        }

        await scripts[0].SeesNothingFor(TimeSpan.FromSeconds(1));
        Assert.All(scripts.Skip(1), chat => Assert.Equal(PerChat, cluster.First.Api.ShownTo(chat.ChatId).Count));
    }

    [Fact]
    public async Task Updates_an_instance_stopped_before_handling_are_answered_by_the_other_within_seconds()
    {
        await using var cluster = await TwoInstances.StartAsync();

        // The first instance takes three updates but cannot handle them yet (the chat is busy), and goes.
        var busy = await cluster.HoldChatAsync(923_001);
        await TwoInstances.PostAsync(cluster.First, UpdateFactory.Text(79_001, 923_001, "/help", "vi"));
        await TwoInstances.PostAsync(cluster.First, UpdateFactory.Text(79_002, 923_001, "/help", "en"));
        await TwoInstances.PostAsync(cluster.First, UpdateFactory.Text(79_003, 923_001, "/help", "vi"));
        await cluster.First.StopAsync();
        Assert.Equal(3, await cluster.Second.QueryAsync(db => db.Inbox.CountAsync(i => i.ChatId == "923001" && i.HandledAt == null)));

        var freed = Stopwatch.StartNew();
        await busy.DisposeAsync();
        var answers = await AnswersAsync(cluster.Second.Chat(923_001), 3);

        Assert.True(freed.Elapsed < TimeSpan.FromSeconds(10), $"taken over after {freed.Elapsed}");
        Assert.Equal([HelpVi, HelpEn, HelpVi], answers);
        Assert.Equal(0, await cluster.Second.QueryAsync(db => db.Inbox.CountAsync(i => i.ChatId == "923001" && i.HandledAt == null)));
    }

    [Fact]
    public async Task An_instance_sweeping_up_another_live_instances_updates_never_answers_one_twice()
    {
        // The second instance's clock runs a minute ahead: every row the first stores looks abandoned to it at once.
        await using var cluster = await TwoInstances.StartAsync(s => s["Logging:LogLevel:Antq.Core.Inbox"] = "Information");
        cluster.Second.Clock.Advance(TimeSpan.FromMinutes(1));

        // Both instances reach for the same rows while the chats are busy, then race when they are free.
        var chats = Enumerable.Range(924_001, 4).ToList();
        var busy = await Task.WhenAll(chats.Select(c => cluster.HoldChatAsync(c)));
        var updateId = 80_000;
        foreach (var chat in chats)
        {
            for (var i = 0; i < 5; i++)
            {
                await TwoInstances.PostAsync(cluster.First, UpdateFactory.Text(++updateId, chat, "/help", i % 2 == 0 ? "vi" : "en"));
            }
        }

        await WaitForLogAsync(cluster.Second, "taken by this one");
        foreach (var hold in busy)
        {
            await hold.DisposeAsync();
        }

        await WaitUntilHandledAsync(cluster.First, 20);
        var scripts = chats.Select(c => cluster.First.Chat(c)).ToList();
        foreach (var chat in scripts)
        {
            Assert.Equal([HelpVi, HelpEn, HelpVi, HelpEn, HelpVi], await WrittenAnswersAsync(cluster.First, chat.ChatId));
            Assert.Equal(5, (await AnswersAsync(chat, 5)).Count);
        }

        // A second handling of any row would answer again.
        await scripts[0].SeesNothingFor(TimeSpan.FromSeconds(2));
        Assert.All(scripts.Skip(1), chat => Assert.Equal(5, cluster.First.Api.ShownTo(chat.ChatId).Count));
    }

    /// <summary>The next <paramref name="count"/> messages the chat is shown, each as the /help header it starts with.</summary>
    private static async Task<List<string>> AnswersAsync(ChatScript chat, int count)
    {
        var answers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var text = (await chat.NextAsync()).Text;
            answers.Add(text.StartsWith(HelpVi, StringComparison.Ordinal) ? HelpVi : text.StartsWith(HelpEn, StringComparison.Ordinal) ? HelpEn : text);
        }

        return answers;
    }

    /// <summary>
    /// The replies written to the chat, in the order they were written (the order of its turns), each as its /help header.
    /// The order they reach the chat in is the delivery's to keep.
    /// </summary>
    private static Task<List<string>> WrittenAnswersAsync(TestBot bot, string chatId) => bot.QueryAsync(async db =>
        (await db.Outbox.Where(o => o.ChatId == chatId && o.Priority == DeliveryPriority.Reply).OrderBy(o => o.Id).ToListAsync())
            .Select(o => OutboxWriter.Read(o).Text is var text && text.StartsWith(HelpVi, StringComparison.Ordinal) ? HelpVi : text.StartsWith(HelpEn, StringComparison.Ordinal) ? HelpEn : text)
            .ToList());

    private static async Task WaitUntilHandledAsync(TestBot bot, int count)
    {
        var waited = Stopwatch.StartNew();
        while (await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.HandledAt != null)) < count)
        {
            Assert.True(waited.Elapsed < Patience, "updates left unhandled");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForLogAsync(TestBot bot, string fragment)
    {
        var waited = Stopwatch.StartNew();
        while (!bot.Logs.Lines.Any(l => l.Text.Contains(fragment, StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < Patience, $"no log line with \"{fragment}\"");
            await Task.Delay(100);
        }
    }
}
