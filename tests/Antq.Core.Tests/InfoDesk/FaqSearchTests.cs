using Antq.Core.InfoDesk;
using Antq.Core.Tests.Areas;
using Xunit.Abstractions;

namespace Antq.Core.Tests.InfoDesk;

public sealed class FaqSearchTests(ITestOutputHelper output)
{
    private static readonly FaqCatalog Shipped = FaqCatalog.Load(Path.Combine(RepoRoot.Path, "config", "faq.json"));

    /// <summary>What residents really type (no diacritics, typos, word order, English) and the entry it must find in the top three.</summary>
    public static TheoryData<string, string> Queries => new()
    {
        { "dang ky tam tru o dau", "tam-tru" },
        { "đăng ký tạm trú cần giấy tờ gì", "tam-tru" },
        { "thue tro can lam tam tru ko", "tam-tru" },
        { "dang ki tam tru", "tam-tru" },
        { "tam tru het han thi lam sao", "gia-han-tam-tru" },
        { "gia han tam tru", "gia-han-tam-tru" },
        { "khai bao tam vang", "tam-vang" },
        { "di lam xa co phai bao tam vang khong", "tam-vang" },
        { "khach den o nha co phai khai bao khong", "luu-tru" },
        { "thong bao luu tru", "luu-tru" },
        { "nguoi nuoc ngoai o nha toi", "nguoi-nuoc-ngoai" },
        { "so ho khau con dung duoc ko", "ho-khau" },
        { "xin giay xac nhan cu tru ct07", "ho-khau" },
        { "chuyen ho khau ve nha chong", "thuong-tru" },
        { "lam giay khai sinh cho con", "khai-sinh-con" },
        { "lam can cuoc o dau", "can-cuoc-cap" },
        { "lam cccd cho con 14 tuoi", "can-cuoc-cap" },
        { "lam can cuoc cong dan lan dau", "can-cuoc-cap" },
        { "25 tuoi co phai doi cccd khong", "can-cuoc-doi" },
        { "chung minh nhan dan con dung dc khong", "can-cuoc-doi" },
        { "mat can cuoc phai lam gi", "can-cuoc-mat" },
        { "kich hoat vneid muc 2", "vneid" },
        { "dinh danh dien tu", "vneid" },
        { "sang ten xe may", "xe-sang-ten" },
        { "mua xe cu sang ten the nao", "xe-sang-ten" },
        { "bam bien so xe moi", "xe-moi" },
        { "nha tro can binh chua chay khong", "pccc-nha-tro" },
        { "phong chay chua chay nha tro", "pccc-nha-tro" },
        { "tet co duoc dot phao hoa khong", "phao-tet" },
        { "dot phao no bi phat khong", "phao-tet" },
        { "giao nop sung", "vu-khi-giao-nop" },
        { "gui tin bao an danh co bi lo khong", "an-danh" },
        { "bao cong an ve ma tuy qua day the nao", "tin-bao" },
        { "ky cam ket o dau", "cam-ket" },
        { "xoa du lieu ca nhan", "du-lieu-ca-nhan" },
        { "co nguoi goi dien xung cong an bat chuyen tien", "lua-dao" },
        { "bi mat xe may", "mat-tai-san" },
        { "nhat duoc vi tien", "nhat-duoc-cua-roi" },
        { "hang xom hat karaoke den 12h dem", "on-ao" },
        { "xin ly lich tu phap", "ly-lich-tu-phap" },
        { "so dien thoai cong an khu vuc", "hoi-can-bo" },
        // Typos: a slipped key, a swapped pair, a missing letter.
        { "dang ky tam truu", "tam-tru" },
        { "tạm trus ở đâu", "tam-tru" },
        { "khai bao tam vnag", "tam-vang" },
        { "lam can cươc", "can-cuoc-cap" },
        { "phao hao tet", "phao-tet" },
        { "lua dao qua dien thaoi", "lua-dao" },
        // Word order.
        { "tam tru dang ky", "tam-tru" },
        { "cuoc can doi", "can-cuoc-doi" },
        // English.
        { "where do I register temporary residence", "tam-tru" },
        { "how to get an ID card", "can-cuoc-cap" },
        { "I lost my ID card", "can-cuoc-mat" },
        { "can I set off fireworks at Tet", "phao-tet" },
        { "fire safety for my boarding house", "pccc-nha-tro" },
        { "is my tip anonymous", "an-danh" },
        { "how do you handle my personal data", "du-lieu-ca-nhan" },
        { "someone called pretending to be police asking for money", "lua-dao" },
        { "transfer motorbike ownership", "xe-sang-ten" },
        { "my bike was stolen", "mat-tai-san" },
        { "noisy neighbours karaoke", "on-ao" },
    };

    [Fact]
    public void At_least_nine_in_ten_real_queries_find_their_answer_in_the_top_three()
    {
        var found = 0;
        var misses = new List<string>();
        foreach (var row in Queries)
        {
            var (query, expected) = ((string)row[0], (string)row[1]);
            var top = Shipped.Search.Find(query).Select(e => e.Id).ToList();
            if (top.Contains(expected))
            {
                found++;
            }
            else
            {
                misses.Add($"  \"{query}\" → [{string.Join(", ", top)}], wanted {expected}");
            }
        }

        var share = (double)found / Queries.Count;
        output.WriteLine($"FAQ search: {found}/{Queries.Count} queries found their entry in the top three ({share:P0}).");
        foreach (var miss in misses)
        {
            output.WriteLine(miss);
        }

        Assert.True(Queries.Count >= 30);
        Assert.True(share >= 0.9, $"only {share:P0} found:\n{string.Join("\n", misses)}");
    }

    [Theory]
    [InlineData("xin chào")]
    [InlineData("ok")]
    [InlineData("hôm nay trời đẹp quá")]
    [InlineData("👍")]
    public void Small_talk_finds_nothing_rather_than_a_wrong_answer(string query) =>
        Assert.Equal("", string.Join(", ", Shipped.Search.Find(query).Select(e => e.Id)));

    [Fact]
    public void The_shipped_file_has_at_least_twenty_entries_in_both_languages_each_with_keywords()
    {
        Assert.True(Shipped.Entries.Count >= 20);
        Assert.All(Shipped.Entries, e => Assert.NotEmpty(e.Keywords));
        Assert.All(Shipped.Entries, e => Assert.True(e.AnswerVi.IsNormalized(System.Text.NormalizationForm.FormC)));
        Assert.All(Shipped.Entries, e => Assert.Contains(e.Id, Shipped.Search.Find(e.QuestionVi).Select(f => f.Id)));
        Assert.All(Shipped.Entries, e => Assert.Contains(e.Id, Shipped.Search.Find(e.QuestionEn).Select(f => f.Id)));
    }

    [Theory]
    [InlineData("""{"entries":[{"id":"Tam Tru","question":{"vi":"a","en":"a"},"answer":{"vi":"a","en":"a"},"keywords":{"vi":["a"],"en":["a"]}}]}""", "entries[0]: id \"Tam Tru\" must be")]
    [InlineData("""{"entries":[{"id":"tam-tru","question":{"vi":"a"},"answer":{"vi":"a","en":"a"},"keywords":{"vi":["a"],"en":["a"]}}]}""", "entries[0] \"tam-tru\": \"question.en\" is missing or empty")]
    [InlineData("""{"entries":[{"id":"tam-tru","question":{"vi":"a","en":"a"},"answer":{"vi":[],"en":"a"},"keywords":{"vi":["a"],"en":["a"]}}]}""", "entries[0] \"tam-tru\": \"answer.vi\" is missing or empty")]
    [InlineData("""{"entries":[{"id":"tam-tru","question":{"vi":"a","en":"a"},"answer":{"vi":"a","en":"a"},"keywords":{"vi":["a"]}}]}""", "entries[0] \"tam-tru\": \"keywords.en\" is missing or empty")]
    [InlineData("""{"entries":[{"id":"a","question":{"vi":"a","en":"a"},"answer":{"vi":"a","en":"a"},"keywords":{"vi":["a"],"en":["a"]}},{"id":"a","question":{"vi":"a","en":"a"},"answer":{"vi":"a","en":"a"},"keywords":{"vi":["a"],"en":["a"]}}]}""", "entries[1]: id \"a\" is used twice")]
    [InlineData("""{"entries":[]}""", "at least one entry")]
    [InlineData("""{"questions":[]}""", "\"entries\" is missing")]
    [InlineData("""{"entries":[""", "invalid JSON")]
    public void A_bad_entry_stops_start_up_naming_the_file_the_entry_and_the_problem(string json, string problem)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-faq-").FullName, "faq.json");
        File.WriteAllText(file, json);

        var ex = Assert.Throws<ContentFileException>(() => FaqCatalog.Load(file));

        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(file, ex.Message, StringComparison.Ordinal);
    }
}
