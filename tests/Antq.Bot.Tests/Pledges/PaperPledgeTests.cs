using System.Text;
using Antq.Core.Pledges;
using Microsoft.EntityFrameworkCore;
using static Antq.Bot.Tests.Pledges.PledgeJourneys;

namespace Antq.Bot.Tests.Pledges;

public sealed class PaperPledgeTests
{
    /// <summary>A known data set: Chi Lăng Khối 1 and Khối 3, and one individual in Mai Pha; every other unit has none.</summary>
    public const string Valid = """"
        kind,name,address,ward,unit,types,signed_on
        household,Nguyễn Văn An,"Số 12, ngõ 5, Trần Đăng Ninh",Chi Lăng,Khối 1,traffic;security;fireworks;fire,2026-03-02
        household,Lê Thị Bích,"Số 3, Lê Lợi",chi lang,khoi 1,traffic; fire,2026-03-02
        household,Hoàng Văn Dũng,Số 8 Bà Triệu,chi-lang,chi-lang-k3,fireworks,2026-03-05
        business,"Tạp hoá ""Minh Châu""",25 Lê Lợi,Phường Chi Lăng,3,traffic;fireworks;fire,2026-03-06
        school,Hoàng Thị Lan,"Trường THCS Chi Lăng, lớp 8A",Chi Lăng,Khối 3,traffic;fireworks,2026-04-01
        individual,Vi Văn Đức,Thôn Nà Chuông,Mai Pha,Thôn Nà Chuông,traffic;security,2026-04-02

        """";

    private static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("antq-cli-").FullName, "antq.db");

    private static string CsvFile(byte[] bytes)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-csv-").FullName, "pledges.csv");
        File.WriteAllBytes(file, bytes);
        return file;
    }

    private static string CsvFile(string text) => CsvFile(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)));

    private static async Task<int> CountAsync(string database)
    {
        var options = Antq.Core.Storage.StorageRegistration.Configure(new DbContextOptionsBuilder<Antq.Core.Storage.AntqDb>(), $"Data Source={database}").Options;
        await using var db = new Antq.Core.Storage.AntqDb((DbContextOptions<Antq.Core.Storage.AntqDb>)options);
        return await db.Pledges.CountAsync();
    }

    [Fact]
    public async Task A_valid_file_is_imported_and_the_same_file_again_adds_nothing()
    {
        var database = NewDatabase();
        var file = CsvFile(Valid);

        var first = await RunVerbAsync(database, "pledges", "import", file);
        Assert.Equal(0, first.Code);
        Assert.Contains("Read 6 row(s): added 14 pledge(s); 0 already signed (not added again); 0 bad row(s) skipped.", first.Out, StringComparison.Ordinal);

        var again = await RunVerbAsync(database, "pledges", "import", file);
        Assert.Equal(0, again.Code);
        Assert.Contains("added 0 pledge(s); 14 already signed", again.Out, StringComparison.Ordinal);

        var retyped = CsvFile("kind,name,address,ward,unit,types,signed_on\nhousehold,NGUYEN VAN AN,\"so 12 ngo 5 tran dang ninh\",Chi Lăng,Khối 1,traffic,2026-05-01\n");
        Assert.Contains("added 0 pledge(s); 1 already signed", (await RunVerbAsync(database, "pledges", "import", retyped)).Out, StringComparison.Ordinal);
        Assert.Equal(14, await CountAsync(database));
    }

    [Fact]
    public async Task Bad_rows_are_listed_with_their_line_and_nothing_is_imported_unless_told_to_skip_them()
    {
        var database = NewDatabase();
        var file = CsvFile("""
            kind,name,address,ward,unit,types,signed_on
            household,Nguyễn Văn An,Số 12 Trần Đăng Ninh,Chi Lăng,Khối 1,traffic,2026-03-02
            family,Đỗ Văn Ba,Số 1 Lê Lợi,Chi Lăng,Khối 1,traffic,2026-03-02
            household,Trần Văn Cường,Số 5 Lê Lợi,Ba Đình,Khối 1,traffic,2026-03-02
            individual,Vi Thị Dung,Thôn Nà Chuông,Chi Lăng,Khối 1,fire,2026-03-02
            household,Đỗ Thị Em,Số 9 Lê Lợi,Chi Lăng,Khối 1,traffic,02/03/2026
            household,Lý Văn Phúc,Số 2 Lê Lợi,Chi Lăng,Khối 99,traffic,2026-03-02
            """);

        var refused = await RunVerbAsync(database, "pledges", "import", file);
        Assert.Equal(2, refused.Code);
        Assert.Equal(
            [
                "line 3: kind \"family\" must be household, business, school or individual",
                "line 4: no ward or commune \"Ba Đình\" in the area file",
                "line 5: pledge type \"fire\" is not for individual",
                "line 6: signed_on \"02/03/2026\" must be a date written YYYY-MM-DD",
                "line 7: no unit \"Khối 99\" in Chi Lăng",
            ],
            refused.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("error: 5 of 6 row(s) are bad; nothing was imported", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database));

        var skipped = await RunVerbAsync(database, "pledges", "import", file, "--skip-invalid");
        Assert.Equal(0, skipped.Code);
        Assert.Contains("Read 6 row(s): added 1 pledge(s); 0 already signed (not added again); 5 bad row(s) skipped.", skipped.Out, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(database));
    }

    [Fact]
    public async Task A_file_in_another_encoding_is_refused_and_one_with_a_byte_order_mark_is_fine()
    {
        var database = NewDatabase();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var cp1258 = CsvFile(Encoding.GetEncoding(1258).GetBytes(Valid));

        var refused = await RunVerbAsync(database, "pledges", "import", cp1258);
        Assert.Equal(2, refused.Code);
        Assert.Contains("the file is not UTF-8", refused.Err, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", refused.Err, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(database));

        var withBom = CsvFile([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Valid)]);
        var imported = await RunVerbAsync(database, "pledges", "import", withBom);
        Assert.Equal(0, imported.Code);
        Assert.Contains("added 14 pledge(s)", imported.Out, StringComparison.Ordinal);
        Assert.Equal(14, await CountAsync(database));
    }

    [Fact]
    public async Task Coverage_counts_a_known_data_set_the_same_in_text_and_csv()
    {
        var database = NewDatabase();
        await RunVerbAsync(database, "pledges", "import", CsvFile(Valid));

        var ward = await RunVerbAsync(database, "pledges", "coverage", "--year", "2026", "--ward", "chi lang");
        Assert.Equal(0, ward.Code);
        Assert.Contains("Pledges signed in 2026 — Chi Lăng ward", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Units with at least one pledge: 2/14", ward.Out, StringComparison.Ordinal);
        Assert.Contains("Signed: 3 households · 1 business households · 1 teachers and students · 0 individuals", ward.Out, StringComparison.Ordinal);
        Assert.Contains("• Traffic safety: 4\n• Security and order: 1\n• No fireworks: 4\n• Fire prevention: 3", ward.Out.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("• Khối 1: 2 households · 0 businesses · 0 teachers/students · 0 individuals · 6 pledges", ward.Out, StringComparison.Ordinal);
        Assert.Contains("• Khối 2: no pledge yet", ward.Out, StringComparison.Ordinal);

        var csv = await RunVerbAsync(database, "pledges", "coverage", "--year", "2026", "--format", "csv");
        var rows = csv.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("year,ward_id,ward,unit_id,unit,households,businesses,teachers_students,individuals,traffic,security,fireworks,fire,pledges", rows[0]);
        Assert.Equal(88, rows.Length);
        Assert.Contains("2026,chi-lang,Chi Lăng,chi-lang-k1,Khối 1,2,0,0,0,2,1,1,2,6", rows);
        Assert.Contains("2026,chi-lang,Chi Lăng,chi-lang-k2,Khối 2,0,0,0,0,0,0,0,0,0", rows);
        Assert.Contains("2026,chi-lang,Chi Lăng,chi-lang-k3,Khối 3,1,1,1,0,2,0,3,1,6", rows);
        Assert.Contains("2026,mai-pha,Mai Pha,mai-pha-na-chuong,Thôn Nà Chuông,0,0,0,1,1,1,0,0,2", rows);
        Assert.Equal(14, rows.Skip(1).Sum(r => int.Parse(r.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)));

        var city = await RunVerbAsync(database, "pledges", "coverage", "--year", "2026");
        Assert.Contains("Units with at least one pledge: 3/87", city.Out, StringComparison.Ordinal);
        Assert.Contains("• Mai Pha commune: 1/8 units · 0 households · 0 businesses · 0 teachers/students · 1 individuals · 2 pledges", city.Out, StringComparison.Ordinal);
        Assert.Contains("Units with at least one pledge: 0/87", (await RunVerbAsync(database, "pledges", "coverage", "--year", "2025")).Out, StringComparison.Ordinal);

        var badWard = await RunVerbAsync(database, "pledges", "coverage", "--ward", "Ba Đình");
        Assert.Equal(2, badWard.Code);
        Assert.Contains("no ward or commune 'Ba Đình'", badWard.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await RunVerbAsync(database, "pledges", "coverage", "--format", "xml")).Code);
        Assert.Contains("pledges import FILE.csv", (await RunVerbAsync(database, "pledges", "import", "--help")).Out, StringComparison.Ordinal);
    }
}
