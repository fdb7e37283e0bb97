using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Tips;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Conversations;

/// <summary>
/// One answer, one message: the next choices come on the answer itself. Each test taps a menu button on the answer and
/// sees the next question as the very next message, so a separate menu message in between would fail it.
/// </summary>
public sealed class OneAnswerOneMessageTests
{
    private const string TipEntry = "📝 Gửi tin báo cho công an";

    [Fact]
    public async Task Consent_signing_up_a_sent_tip_and_a_status_lookup_are_each_one_message_with_the_menu_on_it()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(9301);

        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("Tiếng Việt");
        await chat.Sees("Bạn có đồng ý không?");
        chat.Taps("Tôi đồng ý");
        var ward = await chat.SeesAll("Cảm ơn bạn đã đồng ý.", "phường, xã nào");
        Assert.Contains(ward.Buttons, b => b.Text == "Phường Chi Lăng");
        chat.Taps("Phường Chi Lăng");
        await chat.Sees("khối, thôn nào");
        chat.Taps("Khối 2");
        await chat.Sees("nội dung nào");
        chat.Taps("Phòng cháy, chữa cháy");
        await chat.Sees("nội dung nào");
        chat.Taps("Xong");
        var done = await chat.Sees("Đăng ký xong");
        Assert.Equal(7, done.Buttons.Count());
        Assert.Equal(6, bot.Api.ShownTo(chat.ChatId).Count(m => m.Call.Method == "sendMessage"));

        chat.Taps(TipEntry);
        await chat.Sees("Tin của bạn về việc gì?");
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        var sent = chat.Seen[^1];
        Assert.Contains(sent.Buttons, b => b.Text == "🔎 Tra cứu tin báo");

        chat.Says("/status " + code);
        var status = await chat.Sees($"Tin báo {code}: Mới tiếp nhận.");
        Assert.Contains(status.Buttons, b => b.Text == TipEntry);
        chat.Taps(TipEntry);
        await chat.Sees("Tin của bạn về việc gì?");
    }

    [Fact]
    public async Task Privacy_and_the_events_list_are_each_one_message_with_the_menu_on_it()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(9302, "Phường Chi Lăng", "Khối 2", "Ngày hội, sự kiện");

        chat.Says("/privacy");
        var privacy = await chat.Sees("Dữ liệu chúng tôi đang lưu về bạn");
        Assert.Contains(privacy.Buttons, b => b.Text == "📅 Sự kiện");
        chat.Taps("📅 Sự kiện");
        var events = await chat.Sees("Hiện chưa có sự kiện nào sắp diễn ra");
        Assert.Contains(events.Buttons, b => b.Text == TipEntry);
        chat.Taps(TipEntry);
        await chat.Sees("Tin của bạn về việc gì?");
    }

    [Fact]
    public async Task A_pledge_receipt_is_one_message_with_the_menu_on_it()
    {
        await using var bot = await PledgeJourneys.StartAsync();
        var chat = await bot.SignedUpAsync(9303);
        await chat.AtTypesAsHouseholdAsync("Nguyễn Văn An", "Số 12, ngõ 5, đường Trần Đăng Ninh");
        chat.Taps("An toàn giao thông");
        await chat.Sees("Bạn muốn ký những cam kết nào");
        chat.Taps("Xong");
        await chat.Sees("BẢN CAM KẾT");
        await chat.Sees("Bạn vừa đọc toàn văn các bản cam kết ở trên.");

        var receipt = await chat.CommitsAsync();
        Assert.Contains("✅ Đã ghi nhận cam kết năm", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(receipt.Buttons, b => b.Text == TipEntry);
        chat.Taps(TipEntry);
        await chat.Sees("Tin của bạn về việc gì?");
    }

    [Fact]
    public async Task Finishing_sign_up_with_no_topic_asks_to_confirm_urgent_notices_only()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.AtWardStepAsync(9304);
        chat.Taps("Phường Chi Lăng");
        await chat.Sees("khối, thôn nào");
        chat.Taps("Khối 2");
        await chat.Sees("nội dung nào");

        chat.Taps("Xong");
        var confirm = await chat.Sees("Bạn chưa chọn nội dung nào: bạn sẽ chỉ nhận tin khẩn cấp");
        Assert.Equal(["✅ Đúng, chỉ nhận tin khẩn cấp", "« Chọn nội dung"], confirm.Buttons.Select(b => b.Text));
        Assert.Equal(0, await bot.QueryAsync(db => db.Residents.CountAsync(r => r.WardId != null)));

        // Going back to choose keeps the resident at the topics; choosing one then needs no confirmation.
        chat.Taps("Chọn nội dung");
        await chat.Sees("Bạn muốn nhận tin về những nội dung nào?");
        chat.Taps("Xong");
        await chat.Sees("chỉ nhận tin khẩn cấp");
        chat.Taps("Đúng, chỉ nhận tin khẩn cấp");
        var done = await chat.Sees("Đăng ký xong");
        Assert.Contains("Nội dung theo dõi: chưa chọn nội dung nào", done.Text, StringComparison.Ordinal);
        Assert.Equal(Topics.None, await bot.QueryAsync(db => db.Residents.Select(r => r.Topics).SingleAsync()));
    }
}
