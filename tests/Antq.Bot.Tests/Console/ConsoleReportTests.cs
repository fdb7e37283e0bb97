using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Reports;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Core.Reports;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/report: the summary of a period and an area, its charts in the page and its files, in the officer's scope.</summary>
public sealed class ConsoleReportTests
{
    /// <summary>Paper pledges of 2026 through the console (14: 12 in Chi Lăng, 6 of them signed on 2 March, 2 in Mai Pha), and an admin's client.</summary>
    private static async Task<HttpClient> PledgesAsync(TestBot bot)
    {
        var admin = await bot.OfficerAsync(881_713, "Thiếu tá Lan", OfficerRole.Admin, null);
        var client = bot.Client();
        await client.SignInAsync(await admin.AsksForLinkAsync());
        var file = Encoding.UTF8.GetBytes(PaperPledgeTests.Valid);
        var stored = await client.PostFileAsync("/console/pledges", "/console/pledges?handler=Upload", "file", "cam-ket.csv", file, "text/csv");
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        return client;
    }

    private static async Task<JsonElement> JsonAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/console/report?handler=Json&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static int Pledges(JsonElement report) => report.GetProperty("total").GetProperty("pledges").GetProperty("pledges").GetInt32();

    [Fact]
    public async Task The_report_counts_a_periods_pledges_for_the_officers_ward_with_its_chart_numbers_on_the_page()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await PledgesAsync(bot);
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/console/report?from=2026-01-01&to=2026-12-31"));
        Assert.Contains("Tổng kết Chi Lăng, từ 01/01/2026 đến 31/12/2026", page, StringComparison.Ordinal);
        Assert.Matches("<caption>Cam kết đã ký</caption>.*?<th scope=\"row\">2026</th>.*?<span class=\"value\">12</span>", page.ReplaceLineEndings(" "));

        Assert.Equal(12, Pledges(await JsonAsync(client, "from=2026-01-01&to=2026-12-31")));
        Assert.Equal(6, Pledges(await JsonAsync(client, "from=2026-03-01&to=2026-03-03")));
        Assert.Equal(0, Pledges(await JsonAsync(client, "from=2025-01-01&to=2025-12-31")));
        Assert.Equal(14, Pledges(await JsonAsync(admin, "from=2026-01-01&to=2026-12-31")));
        Assert.Equal(2, Pledges(await JsonAsync(admin, "from=2026-01-01&to=2026-12-31&area=mai-pha")));
    }

    [Fact]
    public async Task An_officer_asking_another_wards_report_gets_404_and_an_admin_reads_any_ward()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await PledgesAsync(bot);
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/report?area=mai-pha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/report?area=mai-pha-na-chuong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/report?handler=Csv&area=mai-pha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/report?handler=Png&area=Mai Pha")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/report?area=chi-lang-k1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/console/report?area=mai-pha")).StatusCode);
    }

    [Fact]
    public async Task A_bad_period_gets_a_clear_message_and_no_report()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var badDate = await client.GetAsync("/console/report?from=2026-13-01&to=2026-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var page = WebUtility.HtmlDecode(await badDate.Content.ReadAsStringAsync());
        Assert.Contains("\"2026-13-01\" không phải là ngày hợp lệ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("summary-heading", page, StringComparison.Ordinal);
        var backwards = await client.GetAsync("/console/report?from=2026-05-01&to=2026-04-01");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("Ngày bắt đầu phải trước hoặc trùng ngày kết thúc.", WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/console/report?handler=Csv&from=2000-01-01&to=2026-12-31")).StatusCode);
    }

    [Fact]
    public async Task The_downloads_are_xlsx_csv_json_and_png_named_by_period_and_area()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await PledgesAsync(bot);
        const string Query = "from=2026-01-01&to=2026-12-31&area=chi-lang";

        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/console/report?" + Query));
        Assert.Contains("<a href=\"/console/report?handler=Xlsx&from=2026-01-01&to=2026-12-31&area=chi-lang\" download>Tải bảng tính Excel", page, StringComparison.Ordinal);
        var xlsx = await admin.GetAsync("/console/report?handler=Xlsx&" + Query);
        Assert.Equal(SummaryWorkbook.MediaType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-ket-2026-chi-lang.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        var book = new Workbook(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal("Tổng hợp", book.Sheets[0]);
        Assert.Contains("Cam kết", book.Sheets);
        Assert.Equal(["Kỳ", "Từ ngày", "Đến ngày"], book.Headers("Tổng hợp").Take(3));
        Assert.Equal(12, Convert.ToInt32(book.Row("Tổng hợp", "Năm 2026")["Bản cam kết"], CultureInfo.InvariantCulture));

        var csv = await admin.GetAsync("/console/report?handler=Csv&" + Query);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-ket-2026-chi-lang.csv", csv.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = Encoding.UTF8.GetString((await csv.Content.ReadAsByteArrayAsync())[3..]).Split("\r\n");
        Assert.Equal("period,area,section,measure,item,value", rows[0]);
        Assert.Contains("2026,chi-lang,pledges,pledges,,12", rows);

        var json = await admin.GetAsync("/console/report?handler=Json&" + Query);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tong-ket-2026-chi-lang.json", json.Content.Headers.ContentDisposition?.FileNameStar);

        var png = await admin.GetAsync("/console/report?handler=Png&" + Query);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);

        // The city's workbook (an admin's) has all 14 pledges and a sheet by ward; an officer's is their ward's alone,
        // and another ward's is not theirs to take.
        var city = new Workbook(await admin.GetByteArrayAsync("/console/report?handler=Xlsx&from=2026-01-01&to=2026-12-31"));
        Assert.Equal(14, Convert.ToInt32(city.Row("Tổng hợp", "Năm 2026")["Bản cam kết"], CultureInfo.InvariantCulture));
        Assert.Contains("Phường, xã", city.Sheets);
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var own = await client.GetAsync("/console/report?handler=Xlsx&from=2026-01-01&to=2026-12-31");
        Assert.Equal("tong-ket-2026-chi-lang.xlsx", own.Content.Headers.ContentDisposition?.FileNameStar);
        var ward = new Workbook(await own.Content.ReadAsByteArrayAsync());
        Assert.Equal(12, Convert.ToInt32(ward.Row("Tổng hợp", "Năm 2026")["Bản cam kết"], CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Phường, xã", ward.Sheets);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/console/report?handler=Xlsx&from=2026-01-01&to=2026-12-31&area=mai-pha")).StatusCode);
    }
}
