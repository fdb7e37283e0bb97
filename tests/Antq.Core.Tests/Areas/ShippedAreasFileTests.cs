using System.Text;
using System.Text.Json;
using Antq.Core.Areas;

namespace Antq.Core.Tests.Areas;

public class ShippedAreasFileTests
{
    private static readonly string AreasPath = Path.Combine(RepoRoot.Path, "config", "areas.json");

    [Fact]
    public void Shipped_sample_city_has_5_wards_3_communes_and_87_units()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        Assert.Equal("Thành phố Lạng Sơn", tree.CityName);
        Assert.Equal(8, tree.Wards.Count);
        Assert.Equal(5, tree.Wards.Count(w => w.Kind == AreaKind.Ward));
        Assert.Equal(3, tree.Wards.Count(w => w.Kind == AreaKind.Commune));
        Assert.Equal(87, tree.UnitCount);
        Assert.Equal(87, tree.Wards.Sum(w => w.Units.Count));
    }

    [Fact]
    public void Shipped_sample_city_names_the_wards_and_communes_of_the_report()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        Assert.Equal(
            ["Chi Lăng", "Đông Kinh", "Hoàng Văn Thụ", "Tam Thanh", "Vĩnh Trại"],
            tree.Wards.Where(w => w.Kind == AreaKind.Ward).Select(w => w.Name));
        Assert.Equal(
            ["Hoàng Đồng", "Mai Pha", "Quảng Lạc"],
            tree.Wards.Where(w => w.Kind == AreaKind.Commune).Select(w => w.Name));
    }

    [Fact]
    public void Shipped_sample_city_has_blocks_in_wards_and_hamlets_in_communes()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        foreach (var ward in tree.Wards)
        {
            var expected = ward.Kind == AreaKind.Ward ? AreaKind.Block : AreaKind.Hamlet;
            Assert.All(ward.Units, u => Assert.Equal(expected, u.Kind));
            Assert.All(ward.Units, u => Assert.Equal(ward.Id, u.WardId));
            Assert.InRange(ward.Units.Count, 6, 14);
        }
    }

    [Fact]
    public void Shipped_file_is_marked_as_sample_data_in_both_languages()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(AreasPath));

        Assert.True(doc.RootElement.GetProperty("sample").GetBoolean());
        var note = doc.RootElement.GetProperty("_note").GetString()!;
        Assert.Contains("DỮ LIỆU MẪU", note, StringComparison.Ordinal);
        Assert.Contains("SAMPLE DATA", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_file_is_stored_in_NFC()
    {
        var text = File.ReadAllText(AreasPath);

        Assert.True(text.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Shipped_ids_fit_in_button_data()
    {
        var tree = AreaTreeLoader.Load(AreasPath);
        var ids = tree.Wards.Select(w => w.Id).Concat(tree.Wards.SelectMany(w => w.Units).Select(u => u.Id)).ToList();

        Assert.Equal(95, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.InRange(id.Length, 1, AreaTreeLoader.MaxIdLength));
        Assert.All(ids, id => Assert.Matches("^[a-z0-9-]+$", id));
    }

    [Theory]
    [InlineData("hoang-van-thu")]
    [InlineData("Hoàng Văn Thụ")]
    [InlineData("hoang van thu")]
    [InlineData("Phường Hoàng Văn Thụ")]
    [InlineData("  HOANG  VAN THU ")]
    public void FindWard_finds_Hoang_Van_Thu_by_id_or_name_with_or_without_diacritics(string query)
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        var ward = tree.FindWard(query);

        Assert.NotNull(ward);
        Assert.Equal("hoang-van-thu", ward.Id);
        Assert.Equal("Hoàng Văn Thụ", ward.Name);
    }

    [Fact]
    public void FindWard_finds_a_commune_by_name_with_the_word_xa()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        Assert.Equal("mai-pha", tree.FindWard("Xã Mai Pha")?.Id);
    }

    [Fact]
    public void FindWard_returns_null_for_an_unknown_ward()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        Assert.Null(tree.FindWard("Phường Không Có"));
    }

    [Fact]
    public void FindUnit_finds_a_unit_and_its_ward()
    {
        var tree = AreaTreeLoader.Load(AreasPath);

        var unit = tree.FindUnit("mai-pha-na-chuong");

        Assert.NotNull(unit);
        Assert.Equal("Thôn Nà Chuông", unit.Name);
        Assert.Equal(AreaKind.Hamlet, unit.Kind);
        Assert.Equal("Mai Pha", tree.FindWard(unit.WardId)?.Name);
    }
}
