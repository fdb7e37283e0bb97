using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Reports;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Antq.Bot.Tests.Pledges.PledgeJourneys;
using static Antq.Bot.Tests.Reports.SummaryReportTests;

namespace Antq.Bot.Tests.Reports;

public sealed class ReportWorkbookTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_officer_gets_an_excel_workbook_named_by_what_it_is_with_vietnamese_headers_a_sheet_a_section_and_the_databases_figures(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        await ReportData.SeedAsync(bot);
        var officer = await bot.OfficerAsync(707_400, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/report 2024-2025");
        await officer.Sees("— Phường Chi Lăng");
        var document = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == officer.ChatId, ChatScript.Patience);
        var file = Assert.Single(document.Files);
        Assert.Equal("tong-ket-2024-2025-chi-lang.xlsx", file.FileName);
        var book = new Workbook(file.Content);

        Assert.Equal(["Tổng hợp", "Tuyên truyền", "Tin báo", "Cam kết", "Ghi chú"], book.Sheets);
        Assert.Equal(
            ["Kỳ", "Từ ngày", "Đến ngày", "Tin tuyên truyền", "Lượt người nhận", "Sự kiện đã tổ chức", "Phường, xã tổ chức Ngày hội",
             "Tin báo tiếp nhận", "Tin có giá trị", "Bản cam kết", "Khối, thôn có cam kết", "Đăng ký theo dõi mới"],
            book.Headers("Tổng hợp"));
        Assert.Equal(["Năm 2024", "Năm 2025", "Cả giai đoạn 2024–2025"], book.Rows("Tổng hợp").Select(r => r["Kỳ"]));

        // Every figure as the database has it, counted here independently of the report.
        var facts = await bot.QueryAsync(async db => new
        {
            Pledges2024 = await db.Pledges.CountAsync(p => p.WardId == "chi-lang" && p.CampaignYear == 2024 && p.WithdrawnAt == null),
            Tips2024 = await db.Tips.CountAsync(t => t.WardId == "chi-lang" && t.Kind == TipKind.Tip && t.CreatedAt.Year == 2024),
            Theft = await db.Tips.CountAsync(t => t.WardId == "chi-lang" && t.Kind == TipKind.Tip && t.CategoryId == "theft"),
            Categories = await db.Tips.Where(t => t.WardId == "chi-lang" && t.Kind == TipKind.Tip).Select(t => t.CategoryId).Distinct().ToListAsync(),
            New2024 = await db.Residents.CountAsync(r => r.WardId == "chi-lang" && r.ConsentedAt!.Value.Year == 2024),
            Reached2025 = await db.BroadcastDelivered.Where(d => d.WardId == "chi-lang").Join(db.Broadcasts, d => d.BroadcastId, b => b.Id, (d, b) => new { d.Sent, b.StartedAt })
                .Where(x => x.StartedAt!.Value.Year == 2025).SumAsync(x => x.Sent),
        });
        var y2024 = book.Row("Tổng hợp", "Năm 2024");
        Assert.Equal(new DateTime(2024, 1, 1), y2024["Từ ngày"]);
        Assert.Equal(new DateTime(2024, 12, 31), y2024["Đến ngày"]);
        Assert.Equal(facts.Pledges2024, Convert.ToInt32(y2024["Bản cam kết"]));
        Assert.Equal(facts.Tips2024, Convert.ToInt32(y2024["Tin báo tiếp nhận"]));
        Assert.Equal(facts.New2024, Convert.ToInt32(y2024["Đăng ký theo dõi mới"]));
        Assert.Equal(facts.Reached2025, Convert.ToInt32(book.Row("Tổng hợp", "Năm 2025")["Lượt người nhận"]));

        // A category column for each category with tips, and none for those without.
        var catalog = bot.Services.GetRequiredService<TipCatalog>();
        var names = facts.Categories.Select(id => catalog.Find(id)!.Name("vi")).ToList();
        Assert.Equal(
            ["Kỳ", "Tin báo tiếp nhận", .. catalog.Categories.Where(c => facts.Categories.Contains(c.Id)).Select(c => c.Name("vi")), "Tin có giá trị", "Tin đã phản hồi", "Phản hồi đầu tiên, trung vị (giờ)"],
            book.Headers("Tin báo"));
        Assert.Equal(facts.Theft, Convert.ToInt32(book.Row("Tin báo", "Cả giai đoạn 2024–2025")[catalog.Find("theft")!.Name("vi")]));
        Assert.Equal(3.0, Convert.ToDouble(book.Row("Tin báo", "Năm 2024")["Phản hồi đầu tiên, trung vị (giờ)"]));
        Assert.Equal(Math.Round(2.0 / 14, 3), Convert.ToDouble(book.Row("Cam kết", "Năm 2024")["Tỷ lệ khối, thôn có cam kết"]), 3);

        // What a spreadsheet shows beyond values: the header row frozen, columns sized, counts and dates formatted.
        var sheet = book.Part("xl/worksheets/sheet1.xml");
        Assert.Contains("ySplit=\"1\"", sheet, StringComparison.Ordinal);
        Assert.Contains("state=\"frozen\"", sheet, StringComparison.Ordinal);
        Assert.Contains("customWidth=\"1\"", sheet, StringComparison.Ordinal);
        var styles = book.Part("xl/styles.xml");
        Assert.Contains("formatCode=\"#,##0\"", styles, StringComparison.Ordinal);
        Assert.Contains("formatCode=\"dd/mm/yyyy\"", styles, StringComparison.Ordinal);
        Assert.Contains("formatCode=\"0.0%\"", styles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_year_city_report_leaves_out_the_empty_years_and_wards_and_compares_the_wards_in_a_chart()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        var admin = await bot.OfficerAsync(707_401, "Đại úy Minh", OfficerRole.Admin, null);

        admin.Says("/report 2016-2025");
        var summary = await admin.Sees("— Thành phố Lạng Sơn");
        Assert.Contains("Các năm 2016–2023 không có số liệu nào nên không liệt kê.", summary.Text, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(2016, 8), y => Assert.DoesNotContain($"Năm {y},", summary.Text, StringComparison.Ordinal));
        Assert.Contains("Năm 2024, 2/87 khối, thôn", summary.Text, StringComparison.Ordinal);
        Assert.EndsWith("Chi Lăng 2 · Đông Kinh 1", summary.Text, StringComparison.Ordinal);

        var document = await bot.Api.WaitForCallAsync(c => c.Method == "sendDocument" && c.ChatId == admin.ChatId, ChatScript.Patience);
        Assert.Equal("tong-ket-2016-2025-toan-thanh-pho.xlsx", Assert.Single(document.Files).FileName);
        var book = new Workbook(document.Files[0].Content);
        Assert.Equal(["Tổng hợp", "Tuyên truyền", "Tin báo", "Cam kết", "Phường, xã", "Ghi chú"], book.Sheets);
        foreach (var section in new[] { "Tổng hợp", "Tuyên truyền", "Tin báo", "Cam kết" })
        {
            Assert.Equal(["Năm 2024", "Năm 2025", "Cả giai đoạn 2016–2025"], book.Rows(section).Select(r => r["Kỳ"]));
        }

        Assert.Equal("2016–2023", book.Row("Ghi chú", "Các năm không có số liệu")["Nội dung"]);

        // Only the wards with figures, each as the database has it; the others are named in the notes.
        var byWard = await bot.QueryAsync(async db => new
        {
            Pledges = await db.Pledges.Where(p => p.WithdrawnAt == null).GroupBy(p => p.WardId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N),
            Tips = await db.Tips.Where(t => t.Kind == TipKind.Tip).GroupBy(t => t.WardId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N),
            Active = await db.Residents.Where(r => r.Status == ResidentStatus.Active).GroupBy(r => r.WardId!).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N),
        });
        Assert.Equal(["Phường Chi Lăng", "Phường Đông Kinh"], book.Rows("Phường, xã").Select(r => r["Phường, xã"]));
        foreach (var (ward, name) in new[] { ("chi-lang", "Phường Chi Lăng"), ("dong-kinh", "Phường Đông Kinh") })
        {
            var row = book.Row("Phường, xã", name);
            Assert.Equal(byWard.Pledges[ward], Convert.ToInt32(row["Bản cam kết"]));
            Assert.Equal(byWard.Tips[ward], Convert.ToInt32(row["Tin báo tiếp nhận"]));
            Assert.Equal(byWard.Active[ward], Convert.ToInt32(row["Người theo dõi đang hoạt động"]));
        }

        Assert.Contains("Tam Thanh", (string)book.Row("Ghi chú", "Phường, xã không có số liệu")["Nội dung"]!, StringComparison.Ordinal);

        var wards = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == admin.ChatId && c.Files.Any(f => f.FileName == "tong-ket-2016-2025-toan-thanh-pho-phuong-xa.png"), ChatScript.Patience);
        AssertPng(wards.Files[0].Content, SummaryChart.Width, SummaryChart.HeaderHeight + (3 * SummaryChart.PanelHeight));
    }

    [Fact]
    public async Task The_command_line_writes_the_workbook_named_by_what_it_is_and_the_ward_chart()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        var folder = Directory.CreateDirectory(Path.Combine(bot.Folder, "out")).FullName;
        var chart = Path.Combine(folder, "wards.png");

        var run = await RunVerbAsync(bot.DatabaseFile, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--xlsx", folder, "--ward-chart", chart);

        Assert.Equal(0, run.Code);
        var file = Path.Combine(folder, "tong-ket-2024-2025-toan-thanh-pho.xlsx");
        Assert.Contains($"Workbook written to {file}.", run.Out, StringComparison.Ordinal);
        var book = new Workbook(await File.ReadAllBytesAsync(file));
        Assert.Equal(4, Convert.ToInt32(book.Row("Tổng hợp", "Cả giai đoạn 2024–2025")["Lượt người nhận"]));
        AssertPng(await File.ReadAllBytesAsync(chart), SummaryChart.Width, SummaryChart.HeaderHeight + (3 * SummaryChart.PanelHeight));
        Assert.Contains("--xlsx must name a .xlsx file or a folder", (await RunVerbAsync(bot.DatabaseFile, "report", "--xlsx", "report.xls")).Err, StringComparison.Ordinal);
    }
}
