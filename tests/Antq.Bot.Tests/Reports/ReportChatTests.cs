using System.Globalization;
using Antq.Bot.Tests.Channels.WebChat;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Reports;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Antq.Bot.Tests.Pledges.PledgeJourneys;
using static Antq.Bot.Tests.Reports.SummaryReportTests;

namespace Antq.Bot.Tests.Reports;

public sealed class ReportChatTests
{
    [Fact]
    public async Task An_officer_taps_a_period_and_gets_the_summary_of_the_ward_then_the_workbook_and_the_chart_and_the_csv_on_a_tap()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        var year = ReportPeriod.Today(DateTime.UtcNow).Year;
        var officer = await bot.OfficerAsync(707_100, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/report");
        await officer.Sees("📊 Tổng kết của Phường Chi Lăng: chọn khoảng thời gian.");
        officer.Taps("5 năm gần nhất");
        var summary = await officer.Sees("— Phường Chi Lăng");
        Assert.Contains($"Từ 01/01/{year - 4} đến 31/12/{year}.", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Năm 2024, 2/14 khối, thôn với 1 hộ gia đình, 1 hộ kinh doanh, 0 giáo viên, học sinh và 0 cá nhân ký cam kết (3 bản: 2 qua trò chuyện, 1 từ giấy).", summary.Text, StringComparison.Ordinal);
        Assert.Contains("Tuyên truyền: 1 tin (An toàn giao thông 1) đến 2 lượt người nhận", summary.Text, StringComparison.Ordinal);

        var document = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Equal($"tong-ket-{year - 4}-{year}-chi-lang.xlsx", Assert.Single(document.Files).FileName);
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Equal($"tong-ket-{year - 4}-{year}-chi-lang.png", Assert.Single(photo.Files).FileName);
        AssertPng(photo.Files[0].Content, SummaryChart.Width, SummaryChart.HeaderHeight + (3 * SummaryChart.PanelHeight));

        // The CSV is for machines: a button under the summary, the same file the command line writes.
        officer.Taps("Tệp CSV");
        var csvCall = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId && c.Files.Any(f => f.FileName!.EndsWith(".csv", StringComparison.Ordinal)), ChatScript.Patience);
        var csv = Assert.Single(csvCall.Files);
        Assert.Equal($"tong-ket-{year - 4}-{year}-chi-lang.csv", csv.FileName);
        var verb = await RunVerbAsync(bot.DatabaseFile, "report", "--from", $"{year - 4}-01-01", "--to", $"{year}-12-31", "--area", "chi-lang", "--format", "csv");
        Assert.Equal(Lines(verb.Out), Lines(System.Text.Encoding.UTF8.GetString(csv.Content.AsSpan(3))));

        officer.Taps("Tệp JSON");
        var jsonCall = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId && c.Files.Any(f => f.FileName!.EndsWith(".json", StringComparison.Ordinal)), ChatScript.Patience);
        Assert.Equal($"tong-ket-{year - 4}-{year}-chi-lang.json", Assert.Single(jsonCall.Files).FileName);
        using var json = System.Text.Json.JsonDocument.Parse(jsonCall.Files[0].Content);
        Assert.Equal("chi-lang", json.RootElement.GetProperty("area").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_officer_on_the_web_chat_sees_the_workbook_by_its_name_and_saves_it_under_that_name()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        var chat = await bot.QueryAsync(db => db.Residents.Where(r => r.Channel == "webchat").Select(r => r.ChatId).SingleAsync());
        await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).AddAsync("webchat", chat, "Trung úy Hà", OfficerRole.Officer, "chi-lang", CancellationToken.None));

        await visitor.Says("/report 2024-2025");
        await visitor.Sees("— Phường Chi Lăng");
        var workbook = await visitor.Sees("Bảng tổng kết (tệp Excel)");
        Assert.Equal("tong-ket-2024-2025-chi-lang.xlsx", workbook.Media?.Name);
        var saved = await visitor.Http.GetAsync(new Uri(workbook.Media!.Source, UriKind.Relative));
        Assert.Equal("tong-ket-2024-2025-chi-lang.xlsx", saved.Content.Headers.ContentDisposition?.FileNameStar ?? saved.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(["Tổng hợp", "Tuyên truyền", "Tin báo", "Cam kết", "Ghi chú"], new Workbook(await saved.Content.ReadAsByteArrayAsync()).Sheets);
    }

    [Fact]
    public async Task An_officer_cannot_read_another_wards_summary_and_an_empty_period_says_so()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        var officer = await bot.OfficerAsync(707_200, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/report 2024 Đông Kinh");
        await officer.Sees("Đồng chí chỉ xem được tổng kết của Phường Chi Lăng.");
        officer.Says("/report 2019");
        await officer.Sees("Chưa có số liệu nào của Phường Chi Lăng từ 01/01/2019 đến 31/12/2019");
        // A file button made up for another ward is refused like the typed command.
        officer.Send(UpdateFactory.Button(bot.NextUpdateId(), officer.Id, new ReportButton(2024, 2025, "dong-kinh", "csv").Data));
        await officer.Sees("Đồng chí chỉ xem được tổng kết của Phường Chi Lăng.");
        officer.Says("/report last week");
        await officer.Sees("Không hiểu khoảng thời gian \"last week\"");
        await officer.SeesNothingFor(TimeSpan.FromMilliseconds(300));
        Assert.DoesNotContain(bot.Api.CallsTo("sendDocument"), c => c.ChatId == officer.ChatId);

        var admin = await bot.OfficerAsync(707_201, "Đại úy Minh", OfficerRole.Admin, null);
        admin.Says("/report 2024-2025 dong kinh");
        var other = await admin.Sees("— Phường Đông Kinh");
        Assert.Contains("Năm 2025, 1/13 khối, thôn với 1 hộ gia đình", other.Text, StringComparison.Ordinal);

        var resident = await bot.SignedUpAsync(707_202);
        resident.Says("/report");
        await resident.Sees("Không có lệnh /report.");
    }

    [Fact]
    public async Task When_switched_on_the_monthly_job_is_scheduled_and_sends_last_months_summary_to_the_admins()
    {
        await using var bot = await TestBot.StartAsync(s => s["Reports:MonthlyToAdmins"] = "true");
        var admin = await bot.OfficerAsync(707_300, "Đại úy Minh", OfficerRole.Admin, null);
        var officer = await bot.OfficerAsync(707_301, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        // Quartz keeps its schedules in the service's database.
        var cron = await bot.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT CRON_EXPRESSION AS Value FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'monthly-summary'").ToListAsync());
        Assert.Equal(["0 0 7 1 * ?"], cron);

        Assert.Equal(1, await bot.Services.GetRequiredService<MonthlySummary>().SendAsync(CancellationToken.None));

        var month = ReportPeriod.LastMonth(DateTime.UtcNow).From;
        await admin.Sees($"Tổng kết tháng {month:MM/yyyy}:");
        await officer.SeesNothingFor(TimeSpan.FromMilliseconds(300));
    }
}
