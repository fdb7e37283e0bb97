using Antq.Bot.Tests.Channels.WebChat;
using Antq.Bot.Tests.Channels.Zalo;
using Antq.Core.Events;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

/// <summary>/delete_me leaves nothing behind: once its answer is delivered, no table of the database names the chat.</summary>
public sealed class ErasureTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task After_delete_me_on_Telegram_and_its_answer_no_table_holds_the_chat_id_not_even_an_event_answer(DatabaseProvider provider)
    {
        const long resident = 7_052_345_678;
        await using var bot = await TestBot.StartAsync(provider);
        var chat = await bot.SignedUpAsync(resident);
        await bot.QueryAsync(async db =>
        {
            db.Events.Add(new FestivalEvent
            {
                Title = "Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng",
                Description = "Văn nghệ, trao giấy khen.",
                WardId = "chi-lang",
                Place = "Nhà văn hoá khối 2",
                StartsAt = DateTime.UtcNow.AddDays(5),
                EndsAt = DateTime.UtcNow.AddDays(5).AddHours(3),
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        chat.Says("/events");
        await chat.Sees("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        chat.Taps("Tôi sẽ đến");
        await chat.Sees("Đã ghi nhận bạn sẽ đến");
        Assert.NotEmpty(await DatabaseScan.FindAsync(bot, ["7052345678"]));

        chat.Says("/delete_me");
        await chat.Sees("Bạn có chắc");
        chat.Taps("Xoá dữ liệu của tôi");
        await chat.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        await AssertNothingNamesAsync(bot, "7052345678");

        // The erasing update keeps its exactly-once key (channel and update id), without the chat.
        Assert.Equal(1, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.ChatId == "")));

        // Writing again is a fresh start, as a stranger's.
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
    }

    [Fact]
    public async Task After_delete_me_in_the_web_chat_and_its_answer_shown_no_table_holds_the_visitors_chat_id()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        var chatId = await bot.QueryAsync(db => db.Residents.Select(r => r.ChatId).SingleAsync());

        await visitor.Says("/delete_me");
        await visitor.Sees("Bạn có chắc");
        await visitor.Taps("Xoá dữ liệu của tôi");
        await visitor.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        await AssertNothingNamesAsync(bot, chatId, new(chatId.Where(char.IsAsciiLetterOrDigit).ToArray()));
    }

    [Fact]
    public async Task After_delete_me_on_Zalo_and_its_answer_no_table_holds_the_user_id_not_even_the_reply_window()
    {
        const string user = "5521772797175901";
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = await bot.ZaloSignedUpAsync(user);

        await zalo.Says("/delete_me");
        await zalo.Sees("Bạn có chắc");
        await zalo.Taps("Xoá dữ liệu của tôi");
        await zalo.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        await AssertNothingNamesAsync(bot, user);
    }

    /// <summary>The answer's outcome is recorded just after it is sent: wait for it, then nothing may name the chat.</summary>
    private static async Task AssertNothingNamesAsync(TestBot bot, params string[] needles)
    {
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        IReadOnlyList<ScanHit> hits;
        while ((hits = await DatabaseScan.FindAsync(bot, needles)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(hits.Count == 0, "After erasure the chat is still named in:\n" + string.Join("\n", hits));
    }
}
