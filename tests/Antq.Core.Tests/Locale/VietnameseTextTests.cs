using System.Text;
using Antq.Core.Locale;

namespace Antq.Core.Tests.Locale;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Đông Kinh", "dong kinh")]
    [InlineData("Hoàng Văn Thụ", "hoang van thu")]
    [InlineData("HOÀNG  VĂN   THỤ", "hoang van thu")]
    [InlineData("  Vĩnh Trại ", "vinh trai")]
    [InlineData("Quảng-Lạc", "quang lac")]
    [InlineData("đường Đồng Đăng", "duong dong dang")]
    public void Fold_removes_diacritics_case_and_extra_spacing(string text, string folded)
    {
        Assert.Equal(folded, VietnameseText.Fold(text));
    }

    [Fact]
    public void Fold_of_Dong_Kinh_equals_fold_of_dong_kinh()
    {
        Assert.Equal(VietnameseText.Fold("dong kinh"), VietnameseText.Fold("Đông Kinh"));
    }

    [Theory]
    [InlineData("Đông Kinh")]
    [InlineData("Hoàng Văn Thụ")]
    [InlineData("Thôn Khòn Khuổi")]
    public void Fold_of_NFD_input_equals_fold_of_NFC_input(string text)
    {
        var nfc = text.Normalize(NormalizationForm.FormC);
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        Assert.Equal(VietnameseText.Fold(nfc), VietnameseText.Fold(nfd));
    }

    [Fact]
    public void Nfc_composes_NFD_input_and_keeps_null()
    {
        var nfd = "Thôn Pò Mỏ".Normalize(NormalizationForm.FormD);

        Assert.Equal("Thôn Pò Mỏ".Normalize(NormalizationForm.FormC), VietnameseText.Nfc(nfd));
        Assert.Null(VietnameseText.Nfc(null));
    }
}
