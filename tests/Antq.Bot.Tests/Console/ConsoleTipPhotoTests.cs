using System.Net;
using Antq.Core.Conversations;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The reply box of a tip's page with a photo: re-encoded before it goes, refused when it is not a photo or too large.</summary>
public sealed class ConsoleTipPhotoTests
{
    private static Task<HttpResponseMessage> ReplyAsync(HttpClient client, string code, byte[] photo, string type, string text = "Cảm ơn bạn. Có phải ngôi nhà trong ảnh này không?") =>
        client.PostFileAsync("/console/tips/" + code, $"/console/tips/{code}?handler=Reply", "photo", "anh.jpg", photo, type, ("text", text));

    [Fact]
    public async Task A_reply_with_a_photo_reaches_the_tipster_as_a_photo_without_its_exif_or_gps()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await bot.TipAsync(701_811, officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var original = TestImages.JpegWithMetadata();
        Assert.Contains("GPS", TestImages.MetadataIn(original));

        var sent = await ReplyAsync(client, code, original, "image/jpeg");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == resident.ChatId, ChatScript.Patience);
        Assert.Contains("Có phải ngôi nhà trong ảnh này không?", photo.Field("caption"), StringComparison.Ordinal);
        var file = Assert.Single(photo.Files);
        Assert.Equal(("image/jpeg", "jpg"), ImageFormat.Sniff(file.Content));
        Assert.Empty(TestImages.MetadataIn(file.Content));
        var reply = await bot.QueryAsync(db => db.TipEvents.SingleAsync(e => e.Kind == TipEventKind.OfficerReply));
        Assert.Equal(OfficerReply.UploadedPhoto, reply.PhotoFileId);
        Assert.Contains("(kèm ảnh", WebUtility.HtmlDecode(await client.GetStringAsync("/console/tips/" + code)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_or_is_too_large_is_refused_with_a_clear_message_and_nothing_is_sent()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (resident, code) = await bot.TipAsync(701_821, officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        // A document named and typed as a photo: its bytes say otherwise.
        var notPhoto = await ReplyAsync(client, code, "%PDF-1.4 không phải ảnh"u8.ToArray(), "image/jpeg");
        Assert.Equal(HttpStatusCode.BadRequest, notPhoto.StatusCode);
        Assert.Contains("Tệp này không phải ảnh JPEG, PNG hoặc WebP; trả lời chưa được gửi.", WebUtility.HtmlDecode(await notPhoto.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        byte[] huge = [.. TestImages.Jpeg(), .. new byte[5 * 1024 * 1024]];
        var tooLarge = await ReplyAsync(client, code, huge, "image/jpeg");
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("Ảnh lớn quá 5 MB; đồng chí chọn ảnh nhỏ hơn.", WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await resident.SeesNothingFor(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(bot.Api.Calls, c => c.ChatId == resident.ChatId && c.Method == "sendPhoto");
        Assert.False(await bot.QueryAsync(db => db.TipEvents.AnyAsync(e => e.Kind == TipEventKind.OfficerReply)));
    }
}
