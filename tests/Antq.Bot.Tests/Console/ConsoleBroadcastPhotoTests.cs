using System.Net;
using System.Text.RegularExpressions;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Channels.WebChat;
using Antq.Bot.Tests.Tips;
using Antq.Bot.WebConsole;
using Antq.Core.Broadcasts;
using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>
/// A broadcast with a photo from the console: the photo is checked, stripped of its metadata and kept in the database
/// at the preview; sending names it by its id, which only its uploader may send; residents on every channel get it.
/// </summary>
public sealed partial class ConsoleBroadcastPhotoTests
{
    private const string Page = "/console/broadcasts";

    private static (string, string)[] Compose(string text, string topic = "urgent", string when = "now", string? at = null, string? photoId = null) =>
        [("Form.Text", text), ("Form.Topic", topic), ("Form.Language", "all"), ("Form.When", when), ("Form.At", at ?? ""), ("Form.Repeat", "weekly"), ("Form.PhotoId", photoId ?? "")];

    private static Task<HttpResponseMessage> PreviewAsync(HttpClient client, byte[] photo, string text, string type = "image/jpeg", string when = "now", string? at = null) =>
        client.PostFileAsync(Page, Page + "?handler=Preview", "photo", "IMG_20261201_cho-dem.jpg", photo, type, Compose(text, when: when, at: at));

    /// <summary>The id of the photo the preview shows (it is also carried in the confirm form).</summary>
    private static async Task<string> PhotoIdAsync(HttpResponseMessage preview)
    {
        var html = await preview.Content.ReadAsStringAsync();
        return ShownPhoto().Match(html) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("No photo in the preview:\n" + html);
    }

    [Fact]
    public async Task A_photo_broadcast_composed_in_the_console_reaches_Telegram_and_web_chat_residents_as_a_photo_without_its_exif_uploaded_to_Telegram_once()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");
        var officer = await bot.WardOfficerAsync();
        await bot.FollowersAsync(Topics.Traffic, [701_901, 701_902, 701_903, 701_904, 701_905]);
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await bot.QueryAsync(db => db.Residents.Where(r => r.Channel == "webchat").ExecuteUpdateAsync(r => r.SetProperty(x => x.Topics, Topics.Traffic)));
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var original = TestImages.JpegWithMetadata();
        Assert.Contains("GPS", TestImages.MetadataIn(original));
        const string caption = "Cháy lớn ở chợ đêm Kỳ Lừa: người dân tránh xa khu vực, nhường đường cho xe cứu hoả.";

        var preview = await PreviewAsync(client, original, caption);

        // The preview shows the photo as residents will get it, served to its uploader only, never sniffed.
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var id = await PhotoIdAsync(preview);
        Assert.Contains("<figcaption>" + caption + "</figcaption>", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var shown = await client.GetAsync(ConsolePhotoRoute.For(id));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", string.Join(",", shown.Headers.GetValues("X-Content-Type-Options")));
        Assert.Contains("sandbox", string.Join(",", shown.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        var stored = await bot.QueryAsync(db => db.ConsolePhotos.SingleAsync());
        Assert.Equal(id, stored.Id);
        Assert.Empty(TestImages.MetadataIn(stored.Bytes));
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));

        var sent = await client.PostFormAsync(Page, Page + "?handler=Send", Compose(caption, photoId: id));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var row = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((id, ConsolePhotoFiles.ChannelName), (row.PhotoFileId, row.PhotoChannel));
        var photos = new List<RecordedCall>();
        foreach (var chat in new[] { "701901", "701902", "701903", "701904", "701905" })
        {
            var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == chat, ChatScript.Patience);
            Assert.Contains(caption, photo.Field("caption"), StringComparison.Ordinal);
            photos.Add(photo);
        }

        // Uploaded once: the other chats get it by the id Telegram gave the upload (the largest size's).
        var upload = Assert.Single(photos, p => p.Files.Count > 0);
        var file = Assert.Single(upload.Files);
        Assert.Equal(("image/jpeg", "jpg"), ImageFormat.Sniff(file.Content));
        Assert.Empty(TestImages.MetadataIn(file.Content));
        Assert.DoesNotContain("cho-dem", file.FileName, StringComparison.Ordinal);
        var byId = photos.Where(p => p != upload).Select(p => p.Field("photo")).Distinct().ToList();
        Assert.Matches("^AgACAgUAAxkDAAI[0-9]+x$", Assert.Single(byId));

        var message = await visitor.Sees("Cháy lớn ở chợ đêm Kỳ Lừa");
        Assert.Equal("photo", message.Media?.Kind);
        var inChat = await visitor.Http.GetAsync(new Uri(message.Media!.Source, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, inChat.StatusCode);
        Assert.Equal("image/jpeg", inChat.Content.Headers.ContentType?.MediaType);
        var bytes = await inChat.Content.ReadAsByteArrayAsync();
        Assert.Empty(TestImages.MetadataIn(bytes));
        Assert.Equal(TestImages.Describe(stored.Bytes), TestImages.Describe(bytes));
        Assert.Contains("kèm ảnh", await client.GetStringAsync(Page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_send_or_see_a_photo_id_that_is_not_their_own_upload()
    {
        await using var bot = await TestBot.StartAsync();
        var owner = await bot.WardOfficerAsync();
        var colleague = await bot.OfficerAsync(881_502, "Thiếu úy Minh", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Traffic, [701_911]);
        using var first = bot.Client();
        await first.SignInAsync(await owner.AsksForLinkAsync());
        using var second = bot.Client();
        await second.SignInAsync(await colleague.AsksForLinkAsync());
        var theirs = await PhotoIdAsync(await PreviewAsync(first, TestImages.Jpeg(), "Ảnh đối tượng lừa đảo qua mạng."));
        var tipAttachment = await TipWithPhotoAsync(bot, 701_912);

        // Another officer's upload, a made-up id, and a resident's photo on Telegram: each refused, at the preview and at sending.
        foreach (var id in new[] { theirs, ConsolePhotoFiles.NewId(), tipAttachment, "../" + theirs })
        {
            foreach (var handler in new[] { "Preview", "Send" })
            {
                var refused = await second.PostFormAsync(Page, Page + "?handler=" + handler, Compose("Ảnh đối tượng lừa đảo qua mạng.", photoId: id));
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains("Ảnh này không phải ảnh đồng chí đã tải lên", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(ConsolePhotoRoute.For(theirs))).StatusCode);
        using var anonymous = bot.Client();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(ConsolePhotoRoute.For(theirs))).StatusCode);
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
        await bot.Chat(701_911).SeesNothingFor(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "sendPhoto" && c.ChatId == "701911");
    }

    [Fact]
    public async Task The_broadcast_change_itself_refuses_a_photo_of_another_officer_or_of_another_channel_whatever_the_page_sent()
    {
        await using var bot = await TestBot.StartAsync();
        var owner = await bot.WardOfficerAsync();
        await bot.OfficerAsync(881_502, "Thiếu úy Minh", OfficerRole.Officer, "chi-lang");
        await bot.FollowersAsync(Topics.Traffic, [701_921]);
        using var client = bot.Client();
        await client.SignInAsync(await owner.AsksForLinkAsync());
        var theirs = await PhotoIdAsync(await PreviewAsync(client, TestImages.Jpeg(), "Ảnh đối tượng lừa đảo qua mạng."));
        var tipAttachment = await TipWithPhotoAsync(bot, 701_922);
        var colleague = await bot.QueryAsync(db => db.Officers.SingleAsync(o => o.ChatId == "881502"));
        var actions = bot.Services.GetRequiredService<ConsoleActions>();
        var draft = new BroadcastDraft { Text = "Ảnh đối tượng lừa đảo qua mạng.", Topic = BroadcastTopic.Urgent, Wards = ["chi-lang"] };

        var someoneElses = await actions.RunAsync(colleague, new CreateBroadcast(draft with { PhotoFileId = theirs, PhotoChannel = ConsolePhotoFiles.ChannelName }), CancellationToken.None);
        var residents = await actions.RunAsync(colleague, new CreateBroadcast(draft with { PhotoFileId = tipAttachment, PhotoChannel = "telegram" }), CancellationToken.None);

        Assert.StartsWith("Không gửi được: ảnh này không phải ảnh đồng chí tải lên", someoneElses, StringComparison.Ordinal);
        Assert.StartsWith("Không gửi được: ảnh này không phải ảnh đồng chí tải lên", residents, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
        await bot.Chat(701_921).SeesNothingFor(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_a_too_large_photo_or_a_too_long_caption_is_refused_in_the_consoles_language_and_nothing_is_kept()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        byte[] huge = [.. TestImages.Jpeg(), .. new byte[5 * 1024 * 1024]];

        var notPhoto = await PreviewAsync(client, "%PDF-1.4 không phải ảnh"u8.ToArray(), "Tin kèm tài liệu.");
        var tooLarge = await PreviewAsync(client, huge, "Tin kèm ảnh lớn.");
        var tooLong = await PreviewAsync(client, TestImages.Jpeg(), new string('a', 1025));

        Assert.All([notPhoto, tooLarge, tooLong], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("Tệp này không phải ảnh JPEG, PNG hoặc WebP; tin chưa được lưu.", WebUtility.HtmlDecode(await notPhoto.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Ảnh lớn quá 5 MB; đồng chí chọn ảnh nhỏ hơn.", WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Tin kèm ảnh chỉ được dài tối đa 1024 ký tự (hiện có 1025 ký tự).", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        await client.InEnglishAsync();
        var inEnglish = await PreviewAsync(client, "<svg onload=alert(1)>"u8.ToArray(), "Tin kèm ảnh vẽ.", "image/svg+xml");
        Assert.Equal(HttpStatusCode.BadRequest, inEnglish.StatusCode);
        Assert.Contains("This file is not a JPEG, PNG or WebP photo; nothing was kept.", WebUtility.HtmlDecode(await inEnglish.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(0, await bot.QueryAsync(db => db.ConsolePhotos.CountAsync()));
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_photo_previewed_but_never_sent_is_deleted_after_a_day_while_one_a_weekly_broadcast_holds_is_kept()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var at = Antq.Core.Locale.LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime.AddDays(3)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var dropped = await PhotoIdAsync(await PreviewAsync(client, TestImages.Jpeg(), "Ảnh chưa gửi."));
        var weekly = await PhotoIdAsync(await PreviewAsync(client, TestImages.Png(), "Nhắc đội mũ bảo hiểm cho trẻ.", "image/png", "repeat", at));
        var sent = await client.PostFormAsync(Page, Page + "?handler=Send", Compose("Nhắc đội mũ bảo hiểm cho trẻ.", when: "repeat", at: at, photoId: weekly));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var retention = bot.Services.GetServices<IHostedService>().OfType<MessageRetention>().Single();

        await retention.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, await bot.QueryAsync(db => db.ConsolePhotos.CountAsync()));

        bot.Clock.Advance(ConsolePhotoFiles.KeepUnsent + TimeSpan.FromMinutes(1));
        await retention.RunOnceAsync(CancellationToken.None);

        Assert.Equal([weekly], await bot.QueryAsync(db => db.ConsolePhotos.Select(p => p.Id).ToListAsync()));
        Assert.NotEqual(dropped, weekly);
    }

    /// <summary>A resident's anonymous tip with a photo on Telegram; the photo's Telegram file id.</summary>
    private static async Task<string> TipWithPhotoAsync(TestBot bot, long tipster)
    {
        var chat = await bot.AtTipCategoryAsync(tipster);
        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đã xảy ra hôm nay");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Có người lạ mang túi đồ vào nhà hoang cuối ngõ 5 mỗi tối.");
        await chat.Sees("Bạn có ảnh, video");
        chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), tipster, "Ảnh chụp tối qua"));
        await chat.Sees("Đã nhận 1/5 tệp");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("Bạn kiểm tra lại tin báo");
        await chat.SendsTipAsync();
        return await bot.QueryAsync(db => db.TipAttachments.Select(a => a.FileId).SingleAsync());
    }

    [GeneratedRegex("<img src=\"/console/photos/([0-9a-f]{32})\"")]
    private static partial Regex ShownPhoto();
}
