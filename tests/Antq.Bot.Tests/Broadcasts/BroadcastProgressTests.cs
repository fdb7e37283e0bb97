using System.Globalization;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Broadcasts;

public sealed class BroadcastProgressTests
{
    private const int Followers = 40;

    [Fact]
    public async Task The_officer_sees_one_progress_message_edited_in_place_then_the_final_report()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Telegram:RateLimit:PerSecond"] = "5";
            s["Delivery:BatchSize"] = "5";
            s["Broadcasts:ProgressEvery"] = "00:00:01";
        });
        var officer = await bot.OfficerAsync(908_950, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Security, Enumerable.Range(909_000, Followers).Select(i => (long)i));
        bot.Api.FailNext("sendMessage", FakeFailure.Forbidden(), chatId: "909007");

        await officer.ComposeForWardAsync("Tuyên truyền: cảnh giác với cuộc gọi giả danh công an yêu cầu chuyển tiền.", "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync("giả danh công an");
        var progress = await officer.Sees($"Đang gửi tin #1 đến {Followers} người");

        SentMessage next;
        var edits = new List<SentMessage>();
        while (!(next = await officer.NextAsync()).Text.Contains("Đã gửi xong tin #1", StringComparison.Ordinal))
        {
            edits.Add(next);
        }

        Assert.Contains($"{Followers - 1} người nhận được, 1 người đã chặn bot", next.Text, StringComparison.Ordinal);
        var final = await bot.Api.WaitForCallAsync(
            c => c.Method == "editMessageText" && c.ChatId == officer.ChatId && c.Field("text")?.Contains("Tiến độ: 100%", StringComparison.Ordinal) == true,
            ChatScript.Patience);
        Assert.Contains($"Đã gửi: {Followers - 1} · Đã chặn bot: 1 · Lỗi: 0", final.Field("text"), StringComparison.Ordinal);

        // Every update edits the one message: no new messages between the start and the report.
        Assert.NotEmpty(edits);
        Assert.All(edits, e => Assert.Equal(progress.MessageId, e.MessageId));
        Assert.All(edits, e => Assert.Contains("Tiến độ:", e.Text, StringComparison.Ordinal));
        Assert.Contains(edits, e => e.Text.Contains("% · còn khoảng", StringComparison.Ordinal) && !e.Text.Contains("100%", StringComparison.Ordinal));
        Assert.Equal(2, bot.Api.CallsTo("sendMessage").Count(c => c.ChatId == officer.ChatId && c.Succeeded && c.Field("text")?.Contains("tin #1", StringComparison.Ordinal) == true));
        // The dispatcher records outcomes a moment after sending (in batches): wait for the last edit's.
        string? kept = null;
        for (var waited = TimeSpan.Zero; kept is null && waited < ChatScript.Patience; waited += TimeSpan.FromMilliseconds(50))
        {
            kept = await bot.QueryAsync(db => db.Outbox.Where(o => o.Id == db.Broadcasts.Select(b => b.ProgressOutboxId).Single()).Select(o => o.ChannelMessageId).SingleAsync());
            if (kept is null)
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(progress.MessageId.ToString(CultureInfo.InvariantCulture), kept);
    }
}
