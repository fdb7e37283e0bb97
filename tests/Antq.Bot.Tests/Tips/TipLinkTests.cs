using System.Net;
using System.Security.Cryptography;
using System.Text;
using Antq.Bot.Tests.Channels.WebChat;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Tips;

/// <summary>
/// Nothing outside the sealed way back ties a tip to its tipster: the database file and the file names are read
/// whole, as by someone holding a copy, for the tipster's chat id in any form.
/// </summary>
public sealed class TipLinkTests
{
    // The resident's own records name their chat: the profile, the conversation, the web chat session, updates and
    // messages of that chat.
    private static readonly HashSet<(string Table, string Column)> OwnRecords =
    [
        ("residents", "ChatId"), ("residents", "ExternalUserId"), ("conversations", "ChatId"), ("channel_sessions", "ChatId"),
        ("inbox", "ChatId"), ("outbox", "ChatId"), ("chat_activity", "ChatId"),
    ];

    [Fact]
    public async Task After_an_anonymous_web_chat_tip_with_a_photo_only_the_tipsters_own_records_hold_their_chat_id()
    {
        var attachments = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Tips:AttachmentsDirectory"] = attachments;
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
        });
        var officer = await bot.OfficerAsync(706_101, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(TestImages.Jpeg()))).StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");
        var code = await visitor.SendsAnonymousTipAsync();
        await officer.Sees("Tin báo mới " + code);
        await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Equal(1, await ArchiveAsync(bot));

        var chatId = await bot.QueryAsync(db => db.Residents.Where(r => r.Channel == "webchat").Select(r => r.ChatId).SingleAsync());
        var secret = visitor.Cookies.GetCookies(bot.BaseAddress)["antq_visitor"]?.Value
            ?? visitor.Cookies.GetAllCookies().Single(c => c.Name == "antq_visitor").Value;
        string[] needles =
        [
            chatId, new(chatId.Where(char.IsAsciiLetterOrDigit).ToArray()), secret,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(chatId))),
        ];

        try
        {
            await AssertOnlyOwnRecordsHoldAsync(bot, needles, Path.Combine(bot.Folder, "webchat-uploads"), attachments);
        }
        finally
        {
            Directory.Delete(attachments, recursive: true);
        }
    }

    [Fact]
    public async Task After_an_anonymous_Telegram_tip_with_a_photo_only_the_tipsters_own_records_hold_their_chat_id()
    {
        const long tipster = 7_051_234_567;
        var attachments = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
        await using var bot = await TestBot.StartAsync(s => s["Tips:AttachmentsDirectory"] = attachments);
        var officer = await bot.OfficerAsync(706_111, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(tipster);
        chat.Taps("Ma tuý");
        await chat.Sees("ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("mô tả sự việc");
        chat.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        await chat.Sees("ảnh, video");
        chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), tipster, "Ảnh chụp tối qua"));
        await chat.Sees("Đã nhận 1/5 tệp");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("kiểm tra lại");
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);
        await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Equal(1, await ArchiveAsync(bot));

        try
        {
            await AssertOnlyOwnRecordsHoldAsync(bot, ["7051234567"], attachments);
        }
        finally
        {
            Directory.Delete(attachments, recursive: true);
        }
    }

    private static Task<int> ArchiveAsync(TestBot bot) =>
        bot.Services.GetServices<IHostedService>().OfType<AttachmentArchive>().Single().RunOnceAsync(CancellationToken.None);

    private static async Task AssertOnlyOwnRecordsHoldAsync(TestBot bot, string[] needles, params string[] folders)
    {
        var hits = await DatabaseScan.FindAsync(bot.DatabaseFile, needles);
        Assert.Contains(hits, h => h.Table == "residents");
        var links = hits.Where(h => !OwnRecords.Contains((h.Table, h.Column))).ToList();
        Assert.True(links.Count == 0, "The tipster's chat id is held outside their own records:\n" + string.Join("\n", links));

        var files = folders.Where(Directory.Exists).SelectMany(f => Directory.GetFileSystemEntries(f, "*", SearchOption.AllDirectories)).ToList();
        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, f => needles.Any(n => f.Contains(n, StringComparison.OrdinalIgnoreCase)));
    }
}
