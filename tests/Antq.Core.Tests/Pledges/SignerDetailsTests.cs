using System.Text;
using Antq.Core.Pledges;

namespace Antq.Core.Tests.Pledges;

public sealed class SignerDetailsTests
{
    private static readonly SignerDetails Signed = new(SignerKind.Household, "Nguyễn Thị Hoà", "Số 12, ngõ 5, đường Trần Đăng Ninh", null, null, null);

    [Theory]
    [InlineData("NGUYỄN THỊ HOÀ", "số 12 ngõ 5 đường trần đăng ninh")]
    [InlineData("nguyen thi hoa", "So 12, ngo 5, duong Tran Dang Ninh")]
    [InlineData("  Nguyễn   Thị  Hoà ", "Số 12,  ngõ 5, đường Trần Đăng Ninh ")]
    public void The_same_signer_typed_differently_has_the_same_key(string name, string address) =>
        Assert.Equal(Signed.Key, (Signed with { Name = name, Address = address }).Key);

    [Fact]
    public void Decomposed_input_has_the_same_key() =>
        Assert.Equal(Signed.Key, (Signed with { Name = Signed.Name.Normalize(NormalizationForm.FormD) }).Key);

    [Fact]
    public void Another_kind_or_another_address_is_another_signer()
    {
        Assert.NotEqual(Signed.Key, (Signed with { Kind = SignerKind.Individual }).Key);
        Assert.NotEqual(Signed.Key, (Signed with { Address = "Số 14, ngõ 5, đường Trần Đăng Ninh" }).Key);
    }
}
