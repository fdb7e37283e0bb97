using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.InfoDesk;

public sealed class InfoDeskTests
{
    [Fact]
    public async Task Info_shows_the_emergency_numbers_and_the_area_officer_of_the_residents_unit()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_001, "Phường Chi Lăng", "Khối 2");

        chat.Taps("Thông tin, hỏi đáp");
        var info = await chat.Sees("113 — Công an");
        Assert.Contains("114 — Cứu nạn", info.Text, StringComparison.Ordinal);
        Assert.Contains("115 — Cấp cứu", info.Text, StringComparison.Ordinal);
        Assert.Contains("111 — Bảo vệ trẻ em", info.Text, StringComparison.Ordinal);
        Assert.Contains("Cán bộ công an khu vực phụ trách Khối 2:\nThượng uý Nguyễn Văn An\n📞 0912 000 101", info.Text, StringComparison.Ordinal);
        Assert.Contains("Công an phường Chi Lăng", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_in_English_shows_the_office_hours_in_English()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(990_003, "en");
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
        chat.Taps("English");
        await chat.Sees("About your personal data");
        chat.Taps("I agree");
        await chat.Sees("Which ward or commune");
        chat.Says("chi lang");
        await chat.Sees("Which residential unit");
        chat.Says("khoi 2");
        await chat.Sees("What would you like to hear about?");
        chat.Taps("Select all");
        await chat.Sees("What would you like to hear about?");
        chat.Taps("Done");
        await chat.Sees("Area: Khối 2");

        chat.Says("/info");

        var info = await chat.Sees("113 — Police");
        Assert.Contains("🕒 Monday – Friday 7:30–17:00; out of hours call the ward duty officer", info.Text, StringComparison.Ordinal);
        Assert.Contains("🕒 Monday – Friday 7:30–11:30, 13:30–17:00; duty officer 24/7", info.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thứ Hai", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_with_no_officer_shows_the_ward_post_instead()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_002, "Phường Chi Lăng", "Khối 9");

        chat.Says("/info");
        var info = await chat.Sees("chưa có cán bộ khu vực");
        Assert.Contains("🏢 Công an phường Chi Lăng\n📞 0205 3870 100", info.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_updates_their_phone_and_residents_see_the_new_one()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_901, "Thượng uý An", OfficerRole.Officer, "chi-lang");
        var elsewhere = await bot.OfficerAsync(880_902, "Đại uý Cường", OfficerRole.Officer, "dong-kinh");
        var chat = await bot.SignedUpAsync(990_003, "Phường Chi Lăng", "Khối 2");

        elsewhere.Says("/contact");
        var theirs = await elsewhere.Sees("chọn mục danh bạ");
        Assert.DoesNotContain(theirs.Buttons, b => b.Text.Contains("Nguyễn Văn An", StringComparison.Ordinal));

        officer.Says("/contact");
        await officer.Sees("chọn mục danh bạ");
        officer.Taps("Nguyễn Văn An");
        await officer.Sees("Cập nhật thông tin nào của Nguyễn Văn An?");
        officer.Taps("Số điện thoại");
        await officer.Sees("Số điện thoại mới cho Nguyễn Văn An");
        officer.Says("gọi tôi nhé");
        await officer.Sees("Số điện thoại chỉ gồm chữ số");
        await officer.Sees("Số điện thoại mới cho Nguyễn Văn An");
        officer.Says("0987 654 321");
        await officer.Sees("Đã cập nhật Số điện thoại của Nguyễn Văn An: 0987 654 321");

        chat.Says("/info");
        var info = await chat.Sees("Nguyễn Văn An");
        Assert.Contains("📞 0987 654 321", info.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("0912 000 101", info.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Free_text_outside_a_flow_is_answered_from_the_QA_with_alternatives_and_never_left_unanswered()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_004);

        chat.Says("dang ky tam tru o dau");
        var answer = await chat.Sees("❓ Đăng ký tạm trú ở đâu, cần giấy tờ gì?");
        Assert.Contains("Luật Cư trú 2020", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Bạn nên hỏi lại công an phường, xã", answer.Text, StringComparison.Ordinal);
        Assert.InRange(answer.Buttons.Count(b => b.Text.StartsWith("↪ ", StringComparison.Ordinal)), 1, 2);
        Assert.Contains(answer.Buttons, b => b.Text.Contains("Không đúng ý: hỏi cán bộ", StringComparison.Ordinal));

        chat.Taps("↪ ");
        await chat.Sees("❓ ");

        chat.Says("cho hỏi chút");
        var none = await chat.Sees("Chúng tôi chưa tìm thấy câu trả lời có sẵn");
        Assert.Contains(none.Buttons, b => b.Text.Contains("Hỏi cán bộ", StringComparison.Ordinal));

        chat.Taps("Các câu hỏi khác");
        var list = await chat.Sees("Hỏi đáp thủ tục (trang 1/");
        chat.Taps("Trang sau");
        var page2 = await chat.Sees("Hỏi đáp thủ tục (trang 2/");
        Assert.Equal(list.MessageId, page2.MessageId);
    }

    [Fact]
    public async Task Ask_an_officer_goes_to_the_wards_officers_as_a_thread_with_a_code_and_is_not_a_tip()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_903, "Thượng uý An", OfficerRole.Officer, "chi-lang");
        var chat = await bot.SignedUpAsync(990_005);

        chat.Says("nuoi cho co phai dang ky o phuong khong");
        await chat.Sees("Chúng tôi chưa chắc đã hiểu đúng câu hỏi của bạn");
        chat.Taps("Hỏi cán bộ");
        await chat.Sees("Bạn gõ câu hỏi gửi cán bộ công an Phường Chi Lăng");
        chat.Says("ngắn");
        await chat.Sees("Câu hỏi ngắn quá");
        await chat.Sees("Bạn gõ câu hỏi");
        chat.Says("Nhà tôi muốn nuôi chó thì có phải đăng ký ở phường không ạ?");
        await chat.Sees("gửi kèm tên bạn");
        chat.Says("Chị Lan");
        var sent = await chat.Sees("Đã gửi câu hỏi đến cán bộ");
        var code = sent.Text.Substring(sent.Text.IndexOf("Mã theo dõi: ", StringComparison.Ordinal) + "Mã theo dõi: ".Length, 9);

        var card = await officer.Sees("Câu hỏi mới " + code);
        Assert.Contains("Người hỏi: Chị Lan", card.Text, StringComparison.Ordinal);
        Assert.Contains("nuôi chó", card.Text, StringComparison.Ordinal);
        officer.Taps("Trả lời");
        await officer.Sees("viết câu trả lời");
        officer.Says("Chào chị, hiện chưa phải đăng ký; chị nhớ tiêm phòng dại cho chó nhé.");
        await officer.Sees("Đã gửi trả lời");

        var reply = await chat.Sees($"Cán bộ trả lời câu hỏi {code} của bạn");
        Assert.Contains("tiêm phòng dại", reply.Text, StringComparison.Ordinal);
        chat.Taps("Trả lời");
        await chat.Sees("Bạn viết câu trả lời");
        chat.Says("Cảm ơn anh, tôi sẽ đưa chó đi tiêm tuần này.");
        await chat.Sees("Đã gửi câu trả lời");
        await officer.Sees($"Người hỏi trả lời về câu hỏi {code}");

        officer.Says("/tips");
        var list = await officer.Sees("đang mở");
        Assert.Contains(list.Buttons, b => b.Text.Contains("Câu hỏi", StringComparison.Ordinal));

        var question = await bot.QueryAsync(db => db.Tips.SingleAsync());
        Assert.Equal(TipKind.Question, question.Kind);
        Assert.False(question.Anonymous);
        Assert.Equal("Chị Lan", question.ReporterName);
        Assert.Equal(0, await bot.QueryAsync(db => db.Tips.CountAsync(t => t.Kind == TipKind.Tip)));
        Assert.Equal(3, await bot.QueryAsync(db => db.TipEvents.CountAsync(e => e.TipId == question.Id)));
    }

    [Fact]
    public async Task An_anonymous_question_carries_no_name()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_904, "Thượng uý An", OfficerRole.Officer, "chi-lang");
        var chat = await bot.SignedUpAsync(990_006);

        chat.Says("/ask");
        await chat.Sees("Bạn gõ câu hỏi");
        chat.Says("Khu tôi hay có người lạ đến hỏi thăm nhà, có cần báo không?");
        await chat.Sees("gửi kèm tên bạn");
        chat.Taps("Gửi ẩn danh");
        await chat.Sees("Đã gửi câu hỏi");

        var card = await officer.Sees("Câu hỏi mới");
        Assert.DoesNotContain(chat.ChatId, card.Text, StringComparison.Ordinal);
        Assert.True(await bot.QueryAsync(db => db.Tips.Select(t => t.Anonymous).SingleAsync()));
    }

    [Fact]
    public async Task Questions_are_limited_per_hour_on_their_own_count_and_closing_one_tells_the_resident()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(880_905, "Thượng uý An", OfficerRole.Officer, "chi-lang");
        var chat = await bot.SignedUpAsync(990_008);
        for (var i = 1; i <= 4; i++)
        {
            chat.Says("/ask");
            await chat.Sees("Bạn gõ câu hỏi");
            chat.Says($"Câu hỏi số {i} về giờ làm việc của trụ sở phường?");
            await chat.Sees("gửi kèm tên bạn");
            chat.Taps("Gửi ẩn danh");
            if (i <= 3)
            {
                await chat.Sees("Đã gửi câu hỏi");
                await officer.Sees("Câu hỏi mới");
            }
        }

        await chat.Sees("tối đa 3 câu một giờ");
        Assert.Equal(3, await bot.QueryAsync(db => db.Tips.CountAsync()));

        officer.Taps("Kết thúc");
        await officer.Sees("ghi kết quả");
        officer.Says("Trụ sở làm việc giờ hành chính, trực ban 24/7.");
        await officer.Sees("Đã kết thúc");
        await chat.Sees("gửi kèm tên bạn");
        var closed = await chat.Sees("Câu hỏi ");
        Assert.Contains("của bạn: Đã kết thúc.\nTrả lời: Trụ sở làm việc giờ hành chính", closed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recent_notices_show_what_reached_the_residents_ward_and_topics_newest_first_a_page_at_a_time()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = await bot.SignedUpAsync(990_007, "Phường Chi Lăng", "Khối 2", "An toàn giao thông");
        var start = new DateTime(2026, 1, 10, 1, 0, 0, DateTimeKind.Utc);
        await bot.QueryAsync(async db =>
        {
            for (var i = 1; i <= 4; i++)
            {
                db.Broadcasts.Add(Sent($"Thông báo giao thông số {i}", BroadcastTopic.Traffic, i % 2 == 0 ? "chi-lang" : null, start.AddDays(i)));
            }

            db.Broadcasts.Add(Sent("Thông báo khẩn của phường", BroadcastTopic.Urgent, "chi-lang,dong-kinh", start.AddDays(5)));
            db.Broadcasts.Add(Sent("Thông báo của phường khác", BroadcastTopic.Traffic, "dong-kinh", start.AddDays(6)));
            db.Broadcasts.Add(Sent("Tin phòng cháy không theo dõi", BroadcastTopic.Fire, null, start.AddDays(7)));
            db.Broadcasts.Add(new Broadcast { Text = "Còn hẹn giờ", Topic = BroadcastTopic.Traffic, ScheduledFor = DateTime.UtcNow.AddDays(30), Status = BroadcastStatus.Scheduled });
            return await db.SaveChangesAsync();
        });

        chat.Says("/notices");
        var first = await chat.Sees("Thông báo gần đây cho Chi Lăng (trang 1/2)");
        Assert.True(first.Text.IndexOf("Thông báo khẩn của phường", StringComparison.Ordinal) < first.Text.IndexOf("số 4", StringComparison.Ordinal));
        Assert.Contains("số 3", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("số 2", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("phường khác", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("không theo dõi", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("hẹn giờ", first.Text, StringComparison.Ordinal);

        chat.Taps("Trang sau");
        var second = await chat.Sees("(trang 2/2)");
        Assert.Contains("số 2", second.Text, StringComparison.Ordinal);
        Assert.Contains("số 1", second.Text, StringComparison.Ordinal);
        Assert.Equal(first.MessageId, second.MessageId);
    }

    private static Broadcast Sent(string text, BroadcastTopic topic, string? wards, DateTime at) => new()
    {
        Text = text,
        Topic = topic,
        WardIds = wards,
        ScheduledFor = at,
        StartedAt = at,
        FinishedAt = at,
        Status = BroadcastStatus.Sent,
        CreatedAt = at,
    };
}
