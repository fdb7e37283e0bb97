using System.Globalization;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

/// <summary>A tip's "before today" date, typed as people type it and read facing the past, in Vietnam's time.</summary>
public sealed class TipDateTests
{
    [Fact]
    public async Task Early_in_January_20_12_is_last_December_and_a_day_to_come_is_refused_by_name()
    {
        await using var bot = await TestBot.StartAsync();
        var january = OnNextFifthOfJanuary(bot);
        var chat = await bot.AtTipCategoryAsync(702_101);
        await ToDateStepAsync(chat);

        chat.Says("mai");
        await chat.Sees($"Ngày {Shown(january.AddDays(1))} chưa tới.");
        await chat.Sees("Việc xảy ra ngày nào?");
        chat.Says("ngày 30 tháng trước");
        await chat.Sees("Chúng tôi chưa đọc được ngày này.");
        await chat.Sees("Việc xảy ra ngày nào?");
        chat.Says("20/12");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Mất xe máy Wave màu đỏ để trước cổng nhà văn hoá khối 2.");
        await chat.Sees("ảnh, video");
        chat.Taps("Không có tệp");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        var review = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains($"Thời gian: 20/12/{january.Year - 1}\n", review.Text, StringComparison.Ordinal);
        await chat.SendsTipAsync();

        var tip = await bot.QueryAsync(db => db.Tips.AsNoTracking().SingleAsync());
        Assert.Equal($"{january.Year - 1}-12-20", tip.OccurredWhen);
    }

    [Fact]
    public async Task Yesterday_and_the_day_before_are_counted_back_from_the_day_in_Vietnam()
    {
        await using var bot = await TestBot.StartAsync();
        var january = OnNextFifthOfJanuary(bot);
        var chat = await bot.AtTipCategoryAsync(702_102);
        await ToDateStepAsync(chat);

        chat.Says("hôm qua");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Taps("Quay lại");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Trước hôm nay");
        await chat.Sees("Việc xảy ra ngày nào?");
        chat.Says("Hôm kia");
        await chat.Sees("Bạn mô tả sự việc");
        chat.Says("Có người lạ tụ tập sử dụng ma tuý ở nhà hoang cuối ngõ 5.");
        await chat.Sees("ảnh, video");
        chat.Taps("Không có tệp");
        await chat.Sees("ẩn danh");
        chat.Taps("Gửi ẩn danh");
        var review = await chat.Sees("Bạn kiểm tra lại tin báo");
        Assert.Contains($"Thời gian: {Shown(january.AddDays(-2))}\n", review.Text, StringComparison.Ordinal);
    }

    /// <summary>Moves the bot's clock to the next 5 January, 08:00 in Vietnam (01:00 UTC); returns that day.</summary>
    private static DateOnly OnNextFifthOfJanuary(TestBot bot)
    {
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var january = new DateOnly(LocalTime.ToLocal(now).Year + 1, 1, 5);
        bot.Clock.Advance(TimeZoneInfo.ConvertTimeToUtc(january.ToDateTime(new TimeOnly(8, 0)), LocalTime.Zone) - now);
        return january;
    }

    private static string Shown(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static async Task ToDateStepAsync(ChatScript chat)
    {
        chat.Taps("Trộm cắp");
        await chat.Sees("ở đâu?");
        chat.Taps("nơi tôi ở");
        await chat.Sees("xảy ra khi nào?");
        chat.Taps("Trước hôm nay");
        await chat.Sees("Việc xảy ra ngày nào?");
    }
}
