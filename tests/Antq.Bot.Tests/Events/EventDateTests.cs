using Antq.Bot.Tests.Tips;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Events;

/// <summary>An event's start and end typed as officers type them, read in Vietnam's time (UTC+7), stored in UTC.</summary>
public sealed class EventDateTests
{
    [Fact]
    public async Task On_21_December_20_12_7h30_is_next_years_and_is_stored_as_00_30_UTC()
    {
        await using var bot = await TestBot.StartAsync();

        // 10:00 on 21 December in Vietnam (the next one to come): 20 December has just gone, so "20/12" is next year's.
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        var today = new DateOnly(LocalTime.ToLocal(now).Year, 12, 21);
        if (At(today, 10, 0) <= now)
        {
            today = today.AddYears(1);
        }

        bot.Clock.Advance(At(today, 10, 0) - now);
        var officer = await bot.OfficerAsync(907_301, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var year = today.Year + 1;

        officer.Says("/event");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Văn nghệ, trao giấy khen, ký cam kết an toàn.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says("20/12 7h30");
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("11h");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Xong");
        var preview = await officer.Sees("Xem trước thông báo");
        Assert.Contains($"07:30–11:00 ngày 20/12/{year}", preview.Text, StringComparison.Ordinal);
        officer.Taps("Tạo và thông báo");
        await officer.Sees("Đã tạo sự kiện #1");

        var stored = await bot.QueryAsync(db => db.Events.AsNoTracking().SingleAsync());
        Assert.Equal(new DateTime(year, 12, 20, 0, 30, 0), stored.StartsAt);
        Assert.Equal(new DateTime(year, 12, 20, 4, 0, 0), stored.EndsAt);
    }

    /// <summary>A local time in Vietnam, in UTC.</summary>
    private static DateTime At(DateOnly day, int hour, int minute) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), LocalTime.Zone);
}
