using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Tips;

public sealed class AttachmentArchiveTests
{
    private static Task<int> ArchiveAsync(TestBot bot) =>
        bot.Services.GetServices<IHostedService>().OfType<AttachmentArchive>().Single().RunOnceAsync(CancellationToken.None);

    private static async Task<string> TipWithPhotoAsync(TestBot bot, long chatId)
    {
        var chat = await bot.AtTipCategoryAsync(chatId);
        chat.Taps("Ma tuý");
        await chat.Sees("ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("mô tả sự việc");
        chat.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        await chat.Sees("ảnh, video");
        chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), chatId));
        await chat.Sees("Đã nhận 1/5 tệp");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("kiểm tra lại");
        return await chat.SendsTipAsync();
    }

    [Fact]
    public async Task A_tip_photo_is_downloaded_through_getFile_into_the_attachments_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
        await using var bot = await TestBot.StartAsync(s => s["Tips:AttachmentsDirectory"] = folder);
        await TipWithPhotoAsync(bot, 704_001);

        Assert.Equal(1, await ArchiveAsync(bot));

        var attachment = await bot.QueryAsync(db => db.TipAttachments.SingleAsync());
        Assert.NotNull(attachment.StoredPath);
        Assert.Single(bot.Api.CallsTo("getFile"));
        try
        {
            Assert.Equal(TestImages.Describe(bot.Api.FileContent("any")!), TestImages.Describe(File.ReadAllBytes(Path.Combine(folder, attachment.StoredPath))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_download_that_keeps_failing_is_retried_then_officers_are_told_and_the_tip_stands()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Tips:AttachmentsDirectory"] = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
            s["Tips:MaxDownloadAttempts"] = "2";
        });
        var officer = await bot.OfficerAsync(704_010, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        bot.Api.FileContent = _ => null;
        var code = await TipWithPhotoAsync(bot, 704_002);
        await officer.Sees("Tin báo mới " + code);

        Assert.Equal(0, await ArchiveAsync(bot));
        var first = await bot.QueryAsync(db => db.TipAttachments.SingleAsync());
        Assert.Equal((1, null, null), (first.DownloadAttempts, first.StoredPath, first.DownloadError));

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await ArchiveAsync(bot));
        await officer.Sees("Không lưu được một tệp đính kèm của tin báo " + code);
        var last = await bot.QueryAsync(db => db.TipAttachments.SingleAsync());
        Assert.Equal("download failed", last.DownloadError);
        Assert.Equal(TipStatus.New, await bot.QueryAsync(db => db.Tips.Select(t => t.Status).SingleAsync()));
    }
}
