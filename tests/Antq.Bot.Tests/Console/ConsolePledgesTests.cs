using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Antq.Bot.Tests.Pledges;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/pledges: the coverage table, its CSV and the paper-pledge upload, in the officer's scope.</summary>
public sealed partial class ConsolePledgesTests
{
    /// <summary><see cref="PaperPledgeTests.Valid"/> without its Mai Pha row: the five rows of Chi Lăng, 12 pledges.</summary>
    private static readonly string ChiLang = string.Join("\n", PaperPledgeTests.Valid.Split('\n').Where(l => !l.Contains("Mai Pha", StringComparison.Ordinal)));

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal));

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string text) =>
        client.PostFileAsync("/console/pledges", "/console/pledges?handler=Upload", "file", "cam-ket.csv", Csv(text), "text/csv");

    /// <summary>The numbers in the table row of <paramref name="area"/> (a unit or ward id, or "total"), left to right.</summary>
    private static int[] Row(string page, string area)
    {
        var row = Regex.Match(page, $"<tr data-area=\"{area}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row {area}");
        return [.. Cells().Matches(row.Groups[1].Value).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    [Fact]
    public async Task An_upload_with_one_bad_line_stores_nothing_and_lists_each_bad_line_in_the_consoles_language()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var file = ChiLang + """
            household,Lý Văn Phúc,Số 2 Lê Lợi,Chi Lăng,Khối 99,traffic,2026-03-02
            individual,Vi Văn Đức,Thôn Nà Chuông,Mai Pha,Thôn Nà Chuông,traffic,2026-04-02

            """;

        var refused = await UploadAsync(client, file);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Tệp có 2/7 dòng sai; chưa ghi cam kết nào.", page, StringComparison.Ordinal);
        Assert.Contains("Dòng 7: không có khu dân cư \"Khối 99\" ở Chi Lăng", page, StringComparison.Ordinal);

        // A row of another ward is a bad row for a ward officer, however good it is.
        Assert.Contains("Dòng 8: Mai Pha không phải địa bàn của đồng chí: đồng chí chỉ nhập được cam kết của Chi Lăng", page, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Pledges.CountAsync()));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0], Row(page, "total"));

        await client.InEnglishAsync();
        var english = WebUtility.HtmlDecode(await (await UploadAsync(client, file)).Content.ReadAsStringAsync());
        Assert.Contains("2 of 7 row(s) are bad; nothing was imported.", english, StringComparison.Ordinal);
        Assert.Contains("Line 7: no unit \"Khối 99\" in Chi Lăng", english, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Pledges.CountAsync()));
    }

    [Fact]
    public async Task A_good_upload_is_stored_and_the_coverage_table_and_its_csv_count_the_stored_pledges()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var stored = await UploadAsync(client, ChiLang);

        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/console/pledges"));
        Assert.Contains("Đã đọc 5 dòng: thêm 12 cam kết; 0 cam kết đã có từ trước (không ghi lại).", page, StringComparison.Ordinal);
        Assert.Contains("Khu dân cư có ít nhất một cam kết: 2/14", page, StringComparison.Ordinal);

        // Households, businesses, teachers and students, individuals; traffic, security, fireworks, fire; pledges.
        Assert.Equal([2, 0, 0, 0, 2, 1, 1, 2, 6], Row(page, "chi-lang-k1"));
        Assert.Equal([1, 1, 1, 0, 2, 0, 3, 1, 6], Row(page, "chi-lang-k3"));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 0], Row(page, "chi-lang-k2"));
        var byUnit = await bot.QueryAsync(db => db.Pledges.GroupBy(p => p.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.All(byUnit, unit => Assert.Equal(unit.Value, Row(page, unit.Key)[^1]));
        Assert.Equal(12, Row(page, "total")[^1]);

        var csv = await client.GetAsync("/console/pledges?handler=Csv&year=2026");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-phu-cam-ket-2026-chi-lang.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(15, rows.Length);
        Assert.Contains("2026,chi-lang,Chi Lăng,chi-lang-k1,Khối 1,2,0,0,0,2,1,1,2,6", rows);
        Assert.Contains("2026,chi-lang,Chi Lăng,chi-lang-k3,Khối 3,1,1,1,0,2,0,3,1,6", rows);

        // The same file again adds nothing; another year has nothing.
        await UploadAsync(client, ChiLang);
        Assert.Contains("thêm 0 cam kết; 12 cam kết đã có từ trước", WebUtility.HtmlDecode(await client.GetStringAsync("/console/pledges")), StringComparison.Ordinal);
        Assert.Equal(12, await bot.QueryAsync(db => db.Pledges.CountAsync()));
        Assert.Equal(0, Row(WebUtility.HtmlDecode(await client.GetStringAsync("/console/pledges?year=2025")), "total")[^1]);
        var badYear = await client.GetAsync("/console/pledges?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Contains("\"abc\" không phải là năm", WebUtility.HtmlDecode(await badYear.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_sees_only_their_wards_coverage_while_an_admin_sees_the_city_and_any_ward()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var admin = await bot.OfficerAsync(881_613, "Thiếu tá Lan", OfficerRole.Admin, null);
        using var city = bot.Client();
        await city.SignInAsync(await admin.AsksForLinkAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(city, PaperPledgeTests.Valid)).StatusCode);
        using var ward = bot.Client();
        await ward.SignInAsync(await officer.AsksForLinkAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync("/console/pledges?ward=mai-pha")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync("/console/pledges?handler=Csv&ward=mai-pha")).StatusCode);
        Assert.DoesNotContain("mai-pha", await ward.GetStringAsync("/console/pledges"), StringComparison.Ordinal);

        var all = WebUtility.HtmlDecode(await city.GetStringAsync("/console/pledges"));
        Assert.Contains("Khu dân cư có ít nhất một cam kết: 3/87", all, StringComparison.Ordinal);
        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 2], Row(all, "mai-pha"));
        Assert.Matches("<tr data-area=\"mai-pha\">.*?<td>1/8</td>", all.ReplaceLineEndings(" "));
        Assert.Equal(14, Row(all, "total")[^1]);
        var maiPha = WebUtility.HtmlDecode(await city.GetStringAsync("/console/pledges?ward=mai-pha"));
        Assert.Equal([0, 0, 0, 1, 1, 1, 0, 0, 2], Row(maiPha, "mai-pha-na-chuong"));
        var rows = (await city.GetStringAsync("/console/pledges?handler=Csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(88, rows.Length);
    }

    [Fact]
    public async Task An_upload_without_the_forms_token_is_refused_and_stores_nothing()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        // What a page on another site could make the officer's browser send: the cookie and a file, no form token.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Csv(ChiLang)), "file", "cam-ket.csv" } };
        var forged = await client.PostAsync("/console/pledges?handler=Upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(0, await bot.QueryAsync(db => db.Pledges.CountAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(client, ChiLang)).StatusCode);
        Assert.Equal(12, await bot.QueryAsync(db => db.Pledges.CountAsync()));
    }

    [GeneratedRegex(@"<td>(\d+)</td>")]
    private static partial Regex Cells();
}
