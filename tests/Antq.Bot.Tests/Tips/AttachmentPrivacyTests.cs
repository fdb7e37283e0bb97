using System.Text;
using Antq.Bot.Tests.Channels.Zalo;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Tips;

/// <summary>What a tipster attaches reaches officers and the archive without hidden identity: no metadata, no file name.</summary>
public sealed class AttachmentPrivacyTests
{
    private const long Tipster = 705_300;
    private const string PhotoName = "IMG_20261129 Nguyen Van Chu Anh.jpg";
    private const string DocumentName = "Don to giac - Nguyen Van Chu Anh - 0912345678.pdf";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Title (To giac) >> endobj\n%%EOF\n");

    [Fact]
    public async Task A_photo_sent_as_a_file_and_a_document_reach_the_Telegram_officer_under_neutral_names_and_the_photo_without_metadata()
    {
        var folder = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
        await using var bot = await TestBot.StartAsync(s => s["Tips:AttachmentsDirectory"] = folder);
        var photo = TestImages.JpegWithMetadata(orientation: 6);
        var officer = await bot.OfficerAsync(705_301, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(Tipster);
        chat.Taps("Ma tuý");
        await chat.Sees("ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("mô tả sự việc");
        chat.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        await chat.Sees("ảnh, video");
        var (photoUpdate, documentUpdate) = (bot.NextUpdateId(), bot.NextUpdateId());
        bot.Api.FileContent = id => id == "BQACAgUAAxkBAAI" + photoUpdate ? photo : id == "BQACAgUAAxkBAAI" + documentUpdate ? Pdf : null;
        chat.Send(UpdateFactory.Document(photoUpdate, Tipster, PhotoName, "image/jpeg"));
        await chat.Sees("Đã nhận 1/5 tệp");
        chat.Send(UpdateFactory.Document(documentUpdate, Tipster, DocumentName, "application/pdf"));
        await chat.Sees("Đã nhận 2/5 tệp");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("kiểm tra lại");
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);

        // Uploaded, not sent by file id: Telegram would show the tipster's file name and keep the photo's Exif.
        var photoCall = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId && c.Files.Any(f => f.FileName.EndsWith(".jpg", StringComparison.Ordinal)), ChatScript.Patience);
        var documentCall = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId && c.Files.Any(f => f.FileName.EndsWith(".pdf", StringComparison.Ordinal)), ChatScript.Patience);
        var sentPhoto = Assert.Single(photoCall.Files);
        Assert.Equal("tep-dinh-kem-1.jpg", sentPhoto.FileName);
        Assert.Empty(TestImages.MetadataIn(sentPhoto.Content));
        Assert.Equal("20×40, red top, blue bottom", TestImages.Describe(sentPhoto.Content));
        var sentDocument = Assert.Single(documentCall.Files);
        Assert.Equal("tep-dinh-kem-2.pdf", sentDocument.FileName);
        Assert.Equal(Pdf, sentDocument.Content);
        foreach (var call in bot.Api.Calls.Where(c => c.ChatId == officer.ChatId))
        {
            var body = call.Body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            Assert.DoesNotContain("Nguyen Van Chu Anh", body, StringComparison.Ordinal);
            Assert.DoesNotContain("0912345678", body, StringComparison.Ordinal);
            Assert.DoesNotContain("BQACAgUAAxkBAAI", body, StringComparison.Ordinal);
        }

        // The archived copy is the clean one too.
        Assert.Equal(2, await bot.Services.GetServices<IHostedService>().OfType<AttachmentArchive>().Single().RunOnceAsync(CancellationToken.None));
        var stored = await bot.QueryAsync(db => db.TipAttachments.OrderBy(a => a.Id).Select(a => a.StoredPath!).ToListAsync());
        try
        {
            var archivedPhoto = await File.ReadAllBytesAsync(Path.Combine(folder, stored[0]));
            Assert.Empty(TestImages.MetadataIn(archivedPhoto));
            Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(folder, stored[1])));
            Assert.DoesNotContain(stored, p => p.Contains("Nguyen", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_Zalo_photo_with_GPS_and_owner_tags_reaches_Telegram_and_Zalo_officers_and_the_archive_without_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "antq-att-" + Guid.NewGuid().ToString("N"));
        await using var bot = await TestBot.StartWithZaloAsync(s => s["Tips:AttachmentsDirectory"] = folder);
        bot.Zalo!.FileContent = _ => TestImages.JpegWithMetadata(orientation: 6);
        var officer = await bot.OfficerAsync(705_311, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var zaloOfficer = bot.ZaloUser("8812000000000001");
        await zaloOfficer.Says("xin chào");
        await zaloOfficer.NextAsync();
        await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).AddAsync("zalo", zaloOfficer.UserId, "Thiếu úy Sơn", OfficerRole.Officer, "chi-lang", CancellationToken.None));
        var user = await bot.ZaloSignedUpAsync("5521772797175899");
        await user.Says("/tip");
        await user.Sees("Tin của bạn về việc gì?");
        await user.Taps("Ma tuý");
        await user.Sees("Việc này xảy ra ở đâu?");
        await user.Taps("nơi tôi ở");
        await user.Sees("xảy ra khi nào?");
        await user.Taps("Đang xảy ra");
        await user.Sees("Bạn mô tả sự việc");
        await user.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await user.Sees("Bạn có ảnh, video");
        await user.SendsPhoto(bot.Zalo.BaseUrl + "/files/IMG_0042.jpg", "Ảnh chụp tối qua");
        await user.Sees("Đã nhận 1/5 tệp");
        await user.Taps("Xong");
        await user.Sees("ẩn danh");
        await user.Taps("Gửi ẩn danh");
        await user.Sees("Bạn kiểm tra lại tin báo");
        await user.Taps("Gửi tin báo");
        await user.Sees("Mã theo dõi: ");

        var telegram = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        var toTelegram = Assert.Single(telegram.Files).Content;
        Assert.Empty(TestImages.MetadataIn(toTelegram));
        Assert.Equal("20×40, red top, blue bottom", TestImages.Describe(toTelegram));

        // The Zalo officer is not handed the tipster's Zalo address of the photo: a clean copy is uploaded.
        await zaloOfficer.Sees("Tin báo mới");
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        while (bot.Zalo.Uploads.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var toZalo = Assert.Single(bot.Zalo.Uploads).Bytes;
        Assert.Empty(TestImages.MetadataIn(toZalo));
        Assert.DoesNotContain(bot.Zalo.ShownTo(zaloOfficer.UserId), m => m.ImageUrl is not null || m.Body.ToJsonString().Contains("/files/", StringComparison.Ordinal));

        Assert.Equal(1, await bot.Services.GetServices<IHostedService>().OfType<AttachmentArchive>().Single().RunOnceAsync(CancellationToken.None));
        var stored = await bot.QueryAsync(db => db.TipAttachments.Select(a => a.StoredPath!).SingleAsync());
        try
        {
            Assert.Empty(TestImages.MetadataIn(await File.ReadAllBytesAsync(Path.Combine(folder, stored))));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
