using System.Globalization;
using System.Net;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Areas;
using Antq.Core.Officers;
using Antq.Core.Reports;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Events;

/// <summary>Who is counted as coming: the ward's signed-up residents, not whoever posts the answer button.</summary>
public sealed class EventAnswerTests
{
    [Fact]
    public async Task Only_consented_residents_of_the_events_ward_are_counted_and_their_answers_go_with_their_data()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(908_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var resident = await bot.SignedUpAsync(908_101, "Phường Chi Lăng", "Khối 2", "Ngày hội, sự kiện");
        var otherWard = await bot.SignedUpAsync(908_102, "Phường Tam Thanh", "Khối 1", "Ngày hội, sự kiện");
        var start = LocalTime.ToLocal(DateTime.UtcNow).Date.AddDays(5).AddHours(14); // every reminder still ahead
        var id = await CreatesEventAsync(bot, officer, start);
        await resident.Sees("Ngày hội Toàn dân bảo vệ ANTQ");
        resident.Taps("Tôi sẽ đến");
        await resident.Sees("Đã ghi nhận bạn sẽ đến");

        // Fresh browsers that never gave consent post the answer button of the announcement they never got.
        for (var i = 0; i < 5; i++)
        {
            using var stranger = await bot.WebVisitorAsync();
            var posted = await stranger.Http.SendAsync(stranger.Post(new { id = "rsvp-" + i, button = $"rsvp:{id}:yes", messageId = "1" }));
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            await stranger.Sees("Lời mời này dành cho cư dân Phường Chi Lăng đã đăng ký với bot.");
        }

        // A signed-up resident of another ward is not counted either.
        otherWard.Send(UpdateFactory.Button(bot.NextUpdateId(), otherWard.Id, $"rsvp:{id}:yes"));
        await otherWard.Sees("Lời mời này dành cho cư dân Phường Chi Lăng");

        officer.Says("/events");
        await officer.Sees("1 sẽ đến, 0 không đến");

        // The report as it will read once the event is held (its "now" an hour after the start; the bot's clock stays).
        var afterwards = TimeZoneInfo.ConvertTimeToUtc(start, LocalTime.Zone).AddHours(1);
        var report = await bot.QueryAsync(db => new SummaryBuilder(db, bot.Services.GetRequiredService<AreaTree>(), ["ngày hội"])
            .BuildAsync(new ReportPeriod(DateOnly.FromDateTime(start), DateOnly.FromDateTime(start)), ReportArea.City, afterwards, CancellationToken.None));
        Assert.Equal((1, 1), (report.Total.EventsHeld, report.Total.Rsvps));

        resident.Says("/delete_me");
        await resident.Sees("Bạn có chắc muốn xoá");
        resident.Taps("Xoá dữ liệu của tôi");
        await resident.Sees("Đã xoá toàn bộ dữ liệu của bạn.");
        Assert.Equal(0, await bot.QueryAsync(db => db.EventRsvps.CountAsync()));
    }

    private static async Task<long> CreatesEventAsync(TestBot bot, ChatScript officer, DateTime localStart)
    {
        officer.Says("/event");
        await officer.Sees("Tạo sự kiện");
        officer.Says("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        await officer.Sees("nội dung, chương trình");
        officer.Says("Văn nghệ, trao giấy khen cho các khối tiêu biểu, ký cam kết an toàn.");
        await officer.Sees("tổ chức ở đâu?");
        officer.Says("Nhà văn hoá khối 2");
        await officer.Sees("Bắt đầu lúc nào?");
        officer.Says(localStart.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
        await officer.Sees("Kết thúc lúc nào?");
        officer.Says("17:00");
        await officer.Sees("Nhắc người tham gia trước bao lâu?");
        officer.Taps("Xong");
        await officer.Sees("Xem trước thông báo");
        officer.Taps("Tạo và thông báo");
        await officer.Sees("Đã tạo sự kiện #");
        return await bot.QueryAsync(db => db.Events.Select(e => e.Id).SingleAsync());
    }
}
