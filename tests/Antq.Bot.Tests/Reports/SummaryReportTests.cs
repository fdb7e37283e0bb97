using System.Buffers.Binary;
using System.Text.Json;
using Antq.Core.Reports;
using Antq.Core.Storage;
using Antq.Testing;
using static Antq.Bot.Tests.Pledges.PledgeJourneys;

namespace Antq.Bot.Tests.Reports;

public sealed class SummaryReportTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_city_summary_of_two_years_gives_the_known_numbers_in_text_csv_and_json(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        await ReportData.SeedAsync(bot);

        var text = await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31");
        Assert.Equal(0, text.Code);
        Assert.Contains("— Thành phố Lạng Sơn\nTừ 01/01/2024 đến 31/12/2025.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Năm 2024, 2/87 khối, thôn với 1 hộ gia đình, 1 hộ kinh doanh, 0 giáo viên, học sinh và 0 cá nhân ký cam kết (3 bản: 2 qua trò chuyện, 1 từ giấy).", text.Out, StringComparison.Ordinal);
        Assert.Contains("Theo loại cam kết: An toàn giao thông 1, An ninh, trật tự 2.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Tuyên truyền: 1 tin (Tuyên truyền 1) đến 1 lượt người nhận; tổ chức 1 sự kiện với 2 lượt đăng ký tham dự.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận 2 tin báo (Ma tuý 1, Trộm cắp, cướp giật 1), 2 tin có giá trị; thời gian phản hồi đầu tiên (trung vị): 3 giờ 0 phút.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Năm 2025, 1/87 khối, thôn với 1 hộ gia đình, 0 hộ kinh doanh, 0 giáo viên, học sinh và 0 cá nhân ký cam kết (1 bản: 0 qua trò chuyện, 1 từ giấy).", text.Out, StringComparison.Ordinal);
        Assert.Contains("Tuyên truyền: 1 tin (An toàn giao thông 1) đến 3 lượt người nhận; tổ chức 1 sự kiện với 0 lượt đăng ký tham dự.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Cả giai đoạn 2024–2025, 3/87 khối, thôn với 2 lượt hộ gia đình, 1 lượt hộ kinh doanh", text.Out, StringComparison.Ordinal);
        Assert.Contains("2/8 phường, xã tổ chức Ngày hội Toàn dân bảo vệ ANTQ.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận 4 tin báo (Trộm cắp, cướp giật 2, Ma tuý 1, Gây rối, đánh nhau 1), 2 tin có giá trị; thời gian phản hồi đầu tiên (trung vị): 2 giờ 0 phút.", text.Out, StringComparison.Ordinal);
        Assert.Contains("Người theo dõi đang hoạt động: 3; đăng ký mới trong kỳ: 4.", text.Out, StringComparison.Ordinal);

        var csv = Lines((await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--format", "csv")).Out);
        Assert.Equal("period,area,section,measure,item,value", csv[0]);
        Assert.Contains("2024,city,awareness,reached,,1", csv);
        Assert.Contains("2025,city,awareness,reached,,3", csv);
        Assert.Contains("total,city,awareness,reached,,4", csv);
        Assert.Contains("2025,city,awareness,broadcasts,traffic,1", csv);
        Assert.Contains("total,city,festival,wards_held,,2", csv);
        Assert.Contains("total,city,festival,wards_all,,8", csv);
        Assert.Contains("2024,city,tips,verified,,2", csv);
        Assert.Contains("2024,city,tips,median_first_response_minutes,,180", csv);
        Assert.Contains("2025,city,tips,received,theft,1", csv);
        Assert.Contains("total,city,pledges,from_chat,,2", csv);
        Assert.Contains("total,city,pledges,from_paper,,2", csv);
        Assert.Contains("total,city,pledges,units_covered,,3", csv);
        Assert.Contains("total,city,pledges,units_all,,87", csv);
        Assert.Contains("total,city,subscribers,active,chi-lang,2", csv);
        Assert.Contains("total,city,subscribers,active,tam-thanh,0", csv);
        Assert.Contains("total,city,subscribers,new,,4", csv);

        using var json = JsonDocument.Parse((await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--format", "json")).Out);
        var total = json.RootElement.GetProperty("total");
        Assert.Equal(4, total.GetProperty("awareness").GetProperty("reached").GetInt32());
        Assert.Equal(2, total.GetProperty("festival").GetProperty("wardsHeld").GetInt32());
        Assert.Equal(120, total.GetProperty("tips").GetProperty("medianFirstResponseMinutes").GetDouble());
        Assert.Equal(2, total.GetProperty("pledges").GetProperty("signers").GetProperty("household").GetInt32());
        Assert.Equal(3, total.GetProperty("pledges").GetProperty("unitsCovered").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("years").GetArrayLength());
        Assert.Equal(2024, json.RootElement.GetProperty("years")[0].GetProperty("year").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("subscribers").GetProperty("active").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_ward_counts_only_its_own_recipients_and_a_unit_without_pledges_shows_none(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        await ReportData.SeedAsync(bot);

        var ward = await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--area", "chi lang");
        Assert.Contains("— Phường Chi Lăng", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Năm 2025, 0/14 khối, thôn với 0 hộ gia đình", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Tuyên truyền: 1 tin (An toàn giao thông 1) đến 2 lượt người nhận; tổ chức 0 sự kiện với 0 lượt đăng ký tham dự.", ward.Out, StringComparison.Ordinal);
        Assert.Contains("0/1 phường, xã tổ chức Ngày hội", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Tiếp nhận 1 tin báo (Gây rối, đánh nhau 1), 0 tin có giá trị; thời gian phản hồi đầu tiên (trung vị): 30 phút.", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Người theo dõi đang hoạt động: 2; đăng ký mới trong kỳ: 3.", ward.Out, StringComparison.Ordinal);

        var unit = Lines((await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--area", "chi-lang-k2", "--format", "csv")).Out);
        Assert.Contains("total,chi-lang-k2,pledges,pledges,,0", unit);
        Assert.Contains("total,chi-lang-k2,pledges,units_all,,1", unit);
        Assert.Contains("2025,chi-lang-k2,awareness,reached,,1", unit);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_broadcast_still_sending_counts_what_it_has_delivered_so_far(DatabaseProvider provider)
    {
        await using var bot = await TestBot.StartAsync(provider);
        await ReportData.SeedAsync(bot);
        await ReportData.SendingAsync(bot);

        var city = Lines((await RunVerbAsync(bot, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--format", "csv")).Out);
        Assert.Contains("2025,city,awareness,reached,,5", city);
        Assert.Contains("2025,city,awareness,broadcasts,fire,1", city);
        var ward = Lines((await RunVerbAsync(bot, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--area", "chi-lang", "--format", "csv")).Out);
        Assert.Contains("2025,chi-lang,awareness,reached,,4", ward);
        var unit = Lines((await RunVerbAsync(bot, "report", "--from", "2025-01-01", "--to", "2025-12-31", "--area", "chi-lang-k2", "--format", "csv")).Out);
        Assert.Contains("2025,chi-lang-k2,awareness,reached,,2", unit);
    }

    [Fact]
    public async Task An_empty_ward_says_so_plainly_and_bad_input_is_refused()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);

        var empty = await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--area", "Tam Thanh");
        Assert.Equal(0, empty.Code);
        Assert.StartsWith("Chưa có số liệu nào của Phường Tam Thanh từ 01/01/2024 đến 31/12/2025", empty.Out, StringComparison.Ordinal);

        Assert.Contains("--from must be a date", (await RunVerbAsync(bot, "report", "--from", "2024-13-01")).Err, StringComparison.Ordinal);
        Assert.Contains("is before --from", (await RunVerbAsync(bot, "report", "--from", "2025-01-01", "--to", "2024-01-01")).Err, StringComparison.Ordinal);
        Assert.Contains("no ward, commune or unit 'Atlantis'", (await RunVerbAsync(bot, "report", "--area", "Atlantis")).Err, StringComparison.Ordinal);
        Assert.Contains("--format must be text, csv or json", (await RunVerbAsync(bot, "report", "--format", "xml")).Err, StringComparison.Ordinal);
        Assert.Equal(2, (await RunVerbAsync(bot, "report", "--bogus")).Code);
        Assert.Contains("report [--from YYYY-MM-DD]", (await RunVerbAsync(bot, "report", "--help")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_is_a_png_of_the_expected_size()
    {
        await using var bot = await TestBot.StartAsync();
        await ReportData.SeedAsync(bot);
        var file = Path.Combine(bot.Folder, "chart.png");

        var run = await RunVerbAsync(bot, "report", "--from", "2024-01-01", "--to", "2025-12-31", "--chart", file);

        Assert.Equal(0, run.Code);
        AssertPng(await File.ReadAllBytesAsync(file), SummaryChart.Width, SummaryChart.HeaderHeight + (3 * SummaryChart.PanelHeight));
    }

    internal static void AssertPng(byte[] png, int width, int height)
    {
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png.Take(8));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    internal static string[] Lines(string text) => text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
}
