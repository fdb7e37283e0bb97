using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

public sealed class AnonymousTipTests
{
    private const long Tipster = 777_123_456;

    [Fact]
    public async Task An_anonymous_tip_reaches_the_ward_officer_and_a_two_way_thread_never_reveals_the_tipster()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var otherWard = await bot.OfficerAsync(880_002, "Thiếu úy Sơn", OfficerRole.Officer, "tam-thanh");
        var chat = await bot.AtTipCategoryAsync(Tipster);

        chat.Taps("Ma tuý");
        await chat.Sees("Việc này xảy ra ở đâu?");
        chat.Send(UpdateFactory.Location(bot.NextUpdateId(), Tipster, 21.84712, 106.76102));
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Đang xảy ra");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Tối nào cũng có nhóm thanh niên đến nhà hoang sau chợ để sử dụng ma tuý, đi xe máy biển 12B1-345.67.");
        await chat.Sees("Bạn có ảnh, video");
        chat.Send(UpdateFactory.Photo(bot.NextUpdateId(), Tipster, "Ảnh chụp tối qua"));
        await chat.Sees("Đã nhận 1/5 tệp");
        chat.Taps("Xong");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        var review = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains("Người gửi: ẩn danh", review.Text, StringComparison.Ordinal);
        var code = await chat.SendsTipAsync();

        var card = await officer.Sees("Tin báo mới " + code);
        Assert.Contains("Loại: Ma tuý", card.Text, StringComparison.Ordinal);
        Assert.Contains("https://maps.google.com/?q=21.84712,106.76102", card.Text, StringComparison.Ordinal);
        Assert.Contains("Người báo: ẩn danh", card.Text, StringComparison.Ordinal);
        Assert.Contains("biển 12B1-345.67", card.Text, StringComparison.Ordinal);
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.StartsWith("AgACAgUAAxkBAAI", photo.Field("photo"), StringComparison.Ordinal);

        officer.Taps("Trả lời người báo");
        await officer.Sees("Đồng chí viết câu trả lời cho người báo tin " + code);
        officer.Says("Cảm ơn bạn. Nhóm đó thường đến vào khoảng mấy giờ?");
        await officer.Sees("Đã gửi trả lời đến người báo tin " + code);
        await chat.Sees("Cán bộ trả lời về tin báo " + code + ":\n\nCảm ơn bạn. Nhóm đó thường đến vào khoảng mấy giờ?");
        chat.Taps("Trả lời");
        await chat.Sees("Bạn viết câu trả lời về tin báo " + code);
        chat.Says("Khoảng 22 giờ, thường ở lại đến nửa đêm.");
        await chat.Sees("Đã gửi câu trả lời của bạn về tin báo " + code);
        await officer.Sees("Người báo trả lời về tin " + code + ":\n\nKhoảng 22 giờ, thường ở lại đến nửa đêm.");

        await otherWard.SeesNothingFor(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(bot.Api.Calls, c => c.ChatId == otherWard.ChatId && c.Method.StartsWith("send", StringComparison.Ordinal));

        var thread = await bot.QueryAsync(db => db.TipEvents.OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([TipEventKind.Submitted, TipEventKind.OfficerReply, TipEventKind.TipsterReply], thread);
        var tip = await bot.QueryAsync(db => db.Tips.SingleAsync());
        Assert.True(tip.Anonymous);
        Assert.Null(tip.ReporterName);
        Assert.NotNull(tip.FirstResponseAt);

        // Nothing that identifies the tipster ever went to an officer's chat, and nothing was forwarded.
        var toOfficer = bot.Api.Calls.Where(c => c.ChatId == officer.ChatId).Select(c => c.Body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })).ToList();
        Assert.NotEmpty(toOfficer);
        foreach (var body in toOfficer)
        {
            Assert.DoesNotContain(Tipster.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
            Assert.DoesNotContain(UpdateFactory.Username, body, StringComparison.Ordinal);
            Assert.DoesNotContain(UpdateFactory.LastName, body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"" + UpdateFactory.FirstName + "\"", body, StringComparison.Ordinal);
        }

        Assert.Empty(bot.Api.CallsTo("forwardMessage"));
    }

    [Fact]
    public async Task The_tip_row_holds_no_link_to_the_tipster_and_the_way_back_is_sealed()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtTipCategoryAsync(Tipster);
        await chat.AtReviewAsync();
        await chat.SendsTipAsync();

        var tipColumns = await bot.QueryAsync(async db =>
        {
            var tip = await db.Tips.AsNoTracking().SingleAsync();
            return System.Text.Json.JsonSerializer.Serialize(tip);
        });
        Assert.DoesNotContain(Tipster.ToString(System.Globalization.CultureInfo.InvariantCulture), tipColumns, StringComparison.Ordinal);
        var route = await bot.QueryAsync(db => db.TipRoutes.SingleAsync());
        Assert.DoesNotContain(Tipster.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Text.Encoding.UTF8.GetString(route.Sealed), StringComparison.Ordinal);
        Assert.Null(route.DeleteAfter);
    }

    [Fact]
    public async Task A_tip_with_a_name_shows_the_officer_that_name_and_nothing_more()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_003, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(Tipster);
        chat.Taps("Trộm cắp");
        await chat.Sees("ở đâu?");
        chat.Says("Số 14 đường Bà Triệu");
        await chat.Sees("khi nào?");
        chat.Taps("Trước hôm nay");
        await chat.Sees("Việc xảy ra ngày nào?");
        chat.Says("31/12/2099");
        await chat.Sees("Ngày 31/12/2099 chưa tới.");
        await chat.Sees("Việc xảy ra ngày nào?");
        chat.Says("01/11/2026");
        await chat.Sees("mô tả sự việc");
        chat.Says("Mất xe đạp điện màu xanh để trước cửa lúc nửa đêm.");
        await chat.Sees("ảnh, video");
        chat.Taps("Không có tệp");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi kèm tên");
        await chat.Sees("gọi bạn là gì?");
        chat.Says("Chú Tư");
        await chat.Sees("Người gửi: Chú Tư (cán bộ thấy tên này)");
        var code = await chat.SendsTipAsync();

        var card = await officer.Sees("Tin báo mới " + code);
        Assert.Contains("Người báo: Chú Tư (tên người báo tự ghi)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Số 14 đường Bà Triệu", card.Text, StringComparison.Ordinal);
        Assert.Contains("Thời gian xảy ra: 01/11/2026", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(UpdateFactory.LastName, card.Text, StringComparison.Ordinal);
    }
}
