using System.Text.Encodings.Web;
using System.Text.Json;
using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Tips;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Channels.Zalo;

public sealed class ZaloTipTests
{
    private const string Tipster = "5521772797175875";

    [Fact]
    public async Task An_anonymous_tip_over_Zalo_reaches_the_Telegram_officer_and_the_thread_never_reveals_the_tipster()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var officer = await bot.OfficerAsync(890_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var user = await bot.ZaloSignedUpAsync(Tipster);

        await user.Taps("Gửi tin báo cho công an");
        await user.Sees("Tin của bạn về việc gì?");
        await user.Taps("Ma tuý");
        await user.Sees("Việc này xảy ra ở đâu?");
        await user.SendsLocation(21.84712, 106.76102);
        await user.Sees("xảy ra khi nào?");
        await user.Taps("Đang xảy ra");
        await user.Sees("Bạn mô tả sự việc");
        await user.Says("Tối nào cũng có nhóm thanh niên đến nhà hoang sau chợ để sử dụng ma tuý, đi xe máy biển 12B1-345.67.");
        await user.Sees("Bạn có ảnh, video");
        await user.Taps("Không có tệp");
        await user.Sees("ẩn danh");
        await user.Taps("Gửi ẩn danh");
        var review = await user.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains("Người gửi: ẩn danh", review.Text, StringComparison.Ordinal);
        await user.Taps("Gửi tin báo");
        var sent = await user.Sees("Mã theo dõi: ");
        var at = sent.Text.IndexOf("Mã theo dõi: ", StringComparison.Ordinal) + "Mã theo dõi: ".Length;
        var code = sent.Text.Substring(at, 9);

        var card = await officer.Sees("Tin báo mới " + code);
        Assert.Contains("Người báo: ẩn danh", card.Text, StringComparison.Ordinal);
        Assert.Contains("https://maps.google.com/?q=21.84712,106.76102", card.Text, StringComparison.Ordinal);
        officer.Taps("Trả lời người báo");
        await officer.Sees("Đồng chí viết câu trả lời cho người báo tin " + code);
        officer.Says("Cảm ơn bạn. Nhóm đó thường đến vào khoảng mấy giờ?");
        await officer.Sees("Đã gửi trả lời đến người báo tin " + code);
        await user.Sees("Cán bộ trả lời về tin báo " + code + ":\n\nCảm ơn bạn. Nhóm đó thường đến vào khoảng mấy giờ?");
        await user.Taps("Trả lời");
        await user.Sees("Bạn viết câu trả lời về tin báo " + code);
        await user.Says("Khoảng 22 giờ, thường ở lại đến nửa đêm.");
        await user.Sees("Đã gửi câu trả lời của bạn về tin báo " + code);
        await officer.Sees("Người báo trả lời về tin " + code + ":\n\nKhoảng 22 giờ, thường ở lại đến nửa đêm.");

        // The officer's Telegram photo cannot go to Zalo by its Telegram file id: it is fetched and uploaded to Zalo.
        officer.Taps("Trả lời người báo");
        await officer.Sees("Đồng chí viết câu trả lời cho người báo tin " + code);
        officer.Send(UpdateFactory.Photo(bot.NextUpdateId(), officer.Id, "Có phải ngôi nhà này không?"));
        await officer.Sees("Đã gửi trả lời đến người báo tin " + code);
        var photo = await user.NextAsync();
        await user.Sees("Có phải ngôi nhà này không?");
        var upload = Assert.Single(bot.Zalo!.Uploads);
        Assert.Equal(upload.AttachmentId, photo.ImageAttachmentId);
        Assert.Equal(TestImages.Describe(bot.Api.FileContent("any")!), TestImages.Describe(upload.Bytes));
        Assert.Equal("image/jpeg", upload.ContentType);

        var tip = await bot.QueryAsync(db => db.Tips.SingleAsync());
        Assert.True(tip.Anonymous);
        var toOfficer = bot.Api.Calls.Where(c => c.ChatId == officer.ChatId)
            .Select(c => c.Body.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ToList();
        Assert.NotEmpty(toOfficer);
        Assert.All(toOfficer, body => Assert.DoesNotContain(Tipster, body, StringComparison.Ordinal));
        Assert.All(toOfficer, body => Assert.DoesNotContain("zalo", body, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Text.Contains(Tipster, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Zalo_user_joins_with_a_command_line_invitation_and_takes_a_tip_whose_other_copies_follow()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var colleague = await bot.OfficerAsync(890_101, "Đại úy Minh", OfficerRole.Officer, "chi-lang");
        var invited = await PledgeJourneys.RunVerbAsync(bot, "officers", "invite", "--role", "officer", "--ward", "Chi Lăng");
        Assert.Equal(0, invited.Code);
        var officer = bot.ZaloUser("8402000000000009");

        await officer.Says($"/join {invited.Out.Split("/join ")[1][..8]} Trung úy Hà");

        await officer.Sees("Chào đồng chí Trung úy Hà!");
        var joined = await bot.QueryAsync(db => db.Officers.SingleAsync(o => o.DisplayName == "Trung úy Hà"));
        Assert.Equal(("zalo", "8402000000000009", "chi-lang"), (joined.Channel, joined.ExternalUserId, joined.WardId));

        var resident = await bot.AtTipCategoryAsync(890_102);
        await resident.AtReviewAsync();
        var code = await resident.SendsTipAsync();
        var colleaguesCard = await colleague.Sees("Tin báo mới " + code);
        await officer.Sees("Tin báo mới " + code);
        await Delivery.DispatcherTests.WaitUntilAsync(bot, async db => await db.Outbox.CountAsync(o => o.ChannelMessageId != null) == 2);

        // Zalo shows five buttons: the card's six actions are numbered choices, taken by typing the number.
        await officer.Taps("Nhận xử lý");
        var taken = await officer.Sees($"Đã cập nhật tin báo {code}: Đang xử lý.");
        Assert.Contains("Tình trạng: Đang xử lý — Trung úy Hà nhận xử lý", taken.Text, StringComparison.Ordinal);
        await resident.Sees($"Tin báo {code} của bạn: Đang xử lý.");
        var followed = await colleague.Sees($"Đã cập nhật tin báo {code}: Đang xử lý.");
        Assert.Equal((colleaguesCard.MessageId, "editMessageText"), (followed.MessageId, followed.Call.Method));
        Assert.Contains("Tình trạng: Đang xử lý — Trung úy Hà nhận xử lý", followed.Text, StringComparison.Ordinal);

        // The Telegram colleague closes it: Zalo cannot edit the card, so the Zalo officer gets one short line.
        colleague.Taps("Kết thúc");
        await colleague.Sees("ghi kết quả");
        colleague.Says("Đã xác minh, nhóm thanh niên đã giải tán.");
        await colleague.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");
        var line = await officer.Sees($"🔄 Tin báo {code} vừa được cập nhật: Đã kết thúc — Trung úy Hà nhận xử lý.");
        Assert.Equal(["📄 Xem tin báo"], line.Buttons.Select(b => b.Title));
        await officer.Taps("Xem tin báo");
        var card = await officer.Sees("Tin báo " + code);
        Assert.Contains("Tình trạng: Đã kết thúc — Trung úy Hà nhận xử lý", card.Text, StringComparison.Ordinal);
        Assert.Equal(1, await bot.QueryAsync(db => db.TipEvents.CountAsync(e => e.OfficerId == joined.Id && e.ToStatus == TipStatus.InProgress)));
    }

    [Fact]
    public async Task A_photo_sent_with_a_tip_over_Zalo_reaches_the_Telegram_officer_as_an_upload_and_is_archived_from_Zalo()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var officer = await bot.OfficerAsync(890_101, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var user = await bot.ZaloSignedUpAsync("5521772797175876");
        await user.Says("/tip");
        await user.Sees("Tin của bạn về việc gì?");
        await user.Taps("Ma tuý");
        await user.Sees("Việc này xảy ra ở đâu?");
        await user.Taps("nơi tôi ở");
        await user.Sees("xảy ra khi nào?");
        await user.Taps("Đã xảy ra hôm nay");
        await user.Sees("Bạn mô tả sự việc");
        await user.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await user.Sees("Bạn có ảnh, video");
        await user.SendsPhoto(bot.Zalo!.BaseUrl + "/files/hien-truong.jpg", "Ảnh chụp tối qua");
        await user.Sees("Đã nhận 1/5 tệp");
        await user.Taps("Xong");
        await user.Sees("ẩn danh");
        await user.Taps("Gửi ẩn danh");
        await user.Sees("Bạn kiểm tra lại tin báo");
        await user.Taps("Gửi tin báo");
        await user.Sees("Mã theo dõi: ");

        // Fetched from Zalo and uploaded: Telegram is never handed Zalo's address for the file.
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Equal(TestImages.Describe(FakeZaloApi.Photo), TestImages.Describe(Assert.Single(photo.Files).Content));
        Assert.DoesNotContain(bot.Zalo.BaseUrl, photo.Body.ToJsonString(), StringComparison.Ordinal);

        var archived = await bot.Services.GetServices<IHostedService>().OfType<AttachmentArchive>().Single().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, archived);
        var attachment = await bot.QueryAsync(db => db.TipAttachments.SingleAsync());
        Assert.Equal(("zalo", AttachmentKind.Photo), (attachment.Channel, attachment.Kind));
        Assert.NotNull(attachment.StoredPath);
    }
}
