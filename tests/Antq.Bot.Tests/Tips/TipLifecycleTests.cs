using Antq.Core.Officers;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

public sealed class TipLifecycleTests
{
    [Fact]
    public async Task Status_changes_are_audited_and_told_to_the_tipster_except_spam()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(881_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(701_001);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);

        officer.Taps("Nhận xử lý");
        await officer.Sees($"Đã cập nhật tin báo {code}: Đang xử lý.");
        await chat.Sees($"Tin báo {code} của bạn: Đang xử lý.");
        officer.Taps("Có giá trị");
        await officer.Sees($"Đã cập nhật tin báo {code}: Đã xác minh, có giá trị.");
        await chat.Sees($"Tin báo {code} của bạn: Đã xác minh, có giá trị.");
        officer.Taps("Kết thúc");
        await officer.Sees("Đồng chí ghi kết quả xử lý tin báo " + code);
        officer.Says("Đã phối hợp kiểm tra, xử lý 3 đối tượng.");
        await officer.Sees($"Đã cập nhật tin báo {code}: Đã kết thúc.");
        await chat.Sees("Kết quả: Đã phối hợp kiểm tra, xử lý 3 đối tượng.");

        var events = await bot.QueryAsync(db => db.TipEvents.Where(e => e.Kind == TipEventKind.StatusChanged).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([TipStatus.InProgress, TipStatus.Verified, TipStatus.Closed], events.Select(e => e.ToStatus));
        Assert.All(events, e => Assert.NotNull(e.OfficerId));
        var route = await bot.QueryAsync(db => db.TipRoutes.SingleAsync());
        Assert.NotNull(route.DeleteAfter);

        chat.Says("/tip");
        await chat.Sees("Tin của bạn về việc gì?");
        await chat.AtReviewAsync("Có đối tượng lạ đi quanh khu tập thể, nhìn vào các nhà.");
        var spamCode = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + spamCode);
        officer.Taps("Không hợp lệ");
        await officer.Sees($"Đã cập nhật tin báo {spamCode}: Không hợp lệ.");
        await chat.SeesNothingFor(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(bot.Api.ShownTo(chat.ChatId), m => m.Text.Contains(spamCode + " của bạn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_way_back_is_deleted_after_the_retention_period_and_the_tip_can_no_longer_reach_its_tipster()
    {
        await using var bot = await TestBot.StartAsync(s => s["Tips:RouteRetentionDays"] = "30");
        var officer = await bot.OfficerAsync(881_002, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(701_002);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);
        officer.Taps("Kết thúc");
        await officer.Sees("ghi kết quả");
        officer.Says("Đã xác minh, không có vi phạm.");
        await officer.Sees("Đã kết thúc");
        await chat.Sees("Kết quả: Đã xác minh");

        bot.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await bot.RunRetentionAsync());
        bot.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await bot.RunRetentionAsync());

        Assert.Equal(0, await bot.QueryAsync(db => db.TipRoutes.CountAsync()));
        officer.Taps("Trả lời người báo");
        await officer.Sees("viết câu trả lời");
        officer.Says("Xin hỏi thêm một chi tiết.");
        await officer.Sees("đường liên lạc với người báo tin " + code + " đã được xoá");
    }

    [Fact]
    public async Task Status_answers_the_right_code_neutrally_refuses_a_wrong_one_and_limits_lookups()
    {
        await using var bot = await TestBot.StartAsync(s => s["Tips:StatusLookupsPerHour"] = "4");
        var chat = await bot.AtTipCategoryAsync(701_003);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();

        chat.Says("/status " + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await chat.Sees($"Tin báo {code}: Mới tiếp nhận.");
        chat.Taps("Tra cứu tin báo");
        await chat.Sees("Bạn gõ mã theo dõi của tin báo");
        chat.Says(code);
        await chat.Sees($"Tin báo {code}: Mới tiếp nhận.");
        chat.Says("/status ABCD-2345");
        var wrong = await chat.Sees("Không tìm thấy tin báo nào với mã này.");
        chat.Says("/status 0");
        var malformed = await chat.Sees("Không tìm thấy tin báo nào");
        Assert.Equal(wrong.Text, malformed.Text);
        chat.Says("/status " + code);
        await chat.Sees("Bạn đã tra cứu nhiều lần trong một giờ qua.");

        bot.Clock.Advance(TimeSpan.FromMinutes(61));
        chat.Says("/status " + code);
        await chat.Sees($"Tin báo {code}: Mới tiếp nhận.");
    }

    [Fact]
    public async Task Tips_per_hour_are_limited_and_the_draft_is_kept_until_it_can_be_sent()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Tips:MaxPerHour"] = "1";
            s["Conversations:IdleTimeout"] = "02:00:00";
        });

        var chat = await bot.AtTipCategoryAsync(701_004);
        await chat.AtReviewAsync();
        await chat.SendsTipAsync();

        chat.Says("/tip");
        await chat.Sees("Tin của bạn về việc gì?");
        await chat.AtReviewAsync("Lại thấy nhóm người lạ tụ tập ở nhà hoang cuối ngõ 5.");
        chat.Taps("Gửi tin báo");
        await chat.Sees("Bạn đã gửi 1 tin báo trong một giờ qua, đó là mức tối đa.");
        await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Equal(1, await bot.QueryAsync(db => db.Tips.CountAsync()));

        bot.Clock.Advance(TimeSpan.FromMinutes(20));
        chat.Taps("Gửi tin báo");
        await chat.Sees("mức tối đa");
        await chat.Sees("Bạn kiểm tra lại");
        // The hour slides: 65 minutes after the first tip, the next may go.
        bot.Clock.Advance(TimeSpan.FromMinutes(45));
        chat.Taps("Gửi tin báo");
        await chat.Sees("Mã theo dõi: ");
        Assert.Equal(2, await bot.QueryAsync(db => db.Tips.CountAsync()));
    }
}
