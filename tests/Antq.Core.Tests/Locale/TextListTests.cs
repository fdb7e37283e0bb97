using Antq.Core.Locale;

namespace Antq.Core.Tests.Locale;

public sealed class TextListTests
{
    [Fact]
    public void Items_with_commas_of_their_own_are_joined_with_semicolons_so_the_list_reads_one_way() =>
        Assert.Equal("Tin an ninh, trật tự; Ngày hội, sự kiện", TextList.Join(["Tin an ninh, trật tự", "Ngày hội, sự kiện"]));

    [Fact]
    public void Items_without_commas_are_joined_with_commas() =>
        Assert.Equal("An toàn giao thông, Tuyên truyền", TextList.Join(["An toàn giao thông", "Tuyên truyền"]));

    [Theory]
    [InlineData("khối 13, phường Chi Lăng|Khối 13|Phường Chi Lăng", "khối 13, phường Chi Lăng")]
    [InlineData("khoi 13 phuong chi lang|Khối 13|Phường Chi Lăng", "khoi 13 phuong chi lang")]
    [InlineData("số 5 đường Chi Lăng|Khối 1|Phường Chi Lăng", "số 5 đường Chi Lăng, Khối 1, Phường Chi Lăng")]
    [InlineData("ngõ 3, khối 13|Khối 1|Phường Đông Kinh", "ngõ 3, khối 13, Khối 1, Phường Đông Kinh")]
    [InlineData("|Khối 2|Phường Chi Lăng", "Khối 2, Phường Chi Lăng")]
    public void A_place_says_each_part_once(string parts, string expected) =>
        Assert.Equal(expected, TextList.Place(parts.Split('|')));
}
