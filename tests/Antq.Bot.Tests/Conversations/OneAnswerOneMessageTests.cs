using Antq.Bot.Tests.Channels.Zalo;
using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Tips;
using Antq.Core.Events;
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
    public async Task Several_upcoming_events_are_one_message_whose_numbered_buttons_answer_the_right_event()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(9305, "Phường Chi Lăng", "Khối 2", "Ngày hội, sự kiện");
        var ids = await AddEventsAsync(bot, 2);

        chat.Says("/events");

        var list = await chat.SeesAll("Sự kiện sắp diễn ra — Phường Chi Lăng:", "1. " + Titles[0], "2. " + Titles[1], "📍 Nhà văn hoá khối 2", "Bấm nút có số của sự kiện.");
        Assert.Equal(["Sự kiện 1: 🙋 đến", "Sự kiện 1: không đến", "Sự kiện 2: 🙋 đến", "Sự kiện 2: không đến", "« Danh mục chính"], list.Buttons.Select(b => b.Text));
        chat.Taps("Sự kiện 2: 🙋 đến");
        await chat.Sees($"Đã ghi nhận bạn sẽ đến \"{Titles[1]}\"");
        chat.Taps("Sự kiện 1: không đến");
        await chat.Sees($"Đã ghi nhận bạn không đến được \"{Titles[0]}\"");
        var answers = await bot.QueryAsync(db => db.EventRsvps.OrderBy(r => r.EventId).Select(r => new { r.EventId, r.Coming }).ToListAsync());
        Assert.Equal(new[] { (ids[0], false), (ids[1], true) }, answers.Select(a => (a.EventId, a.Coming)));
        Assert.Equal(1, bot.Api.ShownTo(chat.ChatId).Count(m => m.Text.Contains("Sự kiện sắp diễn ra", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task On_Zalo_three_upcoming_events_are_one_message_whose_numbered_choices_answer_the_right_event()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = await bot.ZaloSignedUpAsync("5521772797170001", "Ngày hội, sự kiện");
        var ids = await AddEventsAsync(bot, 3);

        await user.Says("/events");

        // Six answers and the menu are more than Zalo's five buttons: they come as numbered choices, in the same message.
        var list = await user.Sees("Sự kiện sắp diễn ra — Phường Chi Lăng:");
        Assert.Contains("3. " + Titles[2], list.Text, StringComparison.Ordinal);
        Assert.Contains("\n5. Sự kiện 3: 🙋 đến\n", list.Text, StringComparison.Ordinal);
        Assert.Contains("Gõ số (1–7) để chọn.", list.Text, StringComparison.Ordinal);
        await user.Says("5");
        await user.Sees($"Đã ghi nhận bạn sẽ đến \"{Titles[2]}\"");
        var answer = await bot.QueryAsync(db => db.EventRsvps.SingleAsync());
        Assert.Equal((ids[2], true), (answer.EventId, answer.Coming));
    }

    private static readonly string[] Titles = ["Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng", "Tập huấn phòng cháy, chữa cháy cho hộ kinh doanh", "Ra quân bảo đảm trật tự an toàn giao thông"];

    /// <summary>Upcoming events in Phường Chi Lăng, a day apart; returns their ids in order.</summary>
    private static Task<long[]> AddEventsAsync(TestBot bot, int count) => bot.QueryAsync(async db =>
    {
        var events = Enumerable.Range(0, count).Select(i => new FestivalEvent
        {
            Title = Titles[i],
            Description = "Mời bà con khối 2 đến dự.",
            WardId = "chi-lang",
            Place = "Nhà văn hoá khối 2",
            StartsAt = DateTime.UtcNow.AddDays(5 + i),
            EndsAt = DateTime.UtcNow.AddDays(5 + i).AddHours(3),
            CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.Events.AddRange(events);
        await db.SaveChangesAsync();
        return events.Select(e => e.Id).ToArray();
    });

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
