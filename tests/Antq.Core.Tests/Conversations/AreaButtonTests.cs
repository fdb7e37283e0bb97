using Antq.Core.Residents.Steps;

namespace Antq.Core.Tests.Conversations;

/// <summary>The ward, unit and page buttons of the area steps are built and read in one place.</summary>
public sealed class AreaButtonTests
{
    [Theory]
    [InlineData("ward:chi-lang", AreaButtonKind.Ward, "chi-lang")]
    [InlineData("unit:chi-lang-k3", AreaButtonKind.Unit, "chi-lang-k3")]
    [InlineData("page:1", AreaButtonKind.Page, "1")]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, AreaButtonKind kind, string value)
    {
        var button = AreaButton.Parse(data);

        Assert.Equal(new AreaButton(kind, value), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void Each_kind_reads_back_as_itself()
    {
        foreach (var button in new[] { AreaButton.Ward("tam-thanh"), AreaButton.Unit("tam-thanh-k2"), AreaButton.Page(3) })
        {
            Assert.Equal(button, AreaButton.Parse(button.Data));
        }

        Assert.Equal(3, AreaButton.Parse(AreaButton.Page(3).Data)!.PageNumber);
    }

    [Theory]
    [InlineData("page:x")]
    [InlineData("ward:2")]
    public void Only_a_page_button_with_a_number_has_a_page(string data) => Assert.Null(AreaButton.Parse(data)!.PageNumber);

    [Theory]
    [InlineData("menu:cancel")]
    [InlineData("bcward:chi-lang")]
    [InlineData("topic:security")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_area_button(string? data) => Assert.Null(AreaButton.Parse(data));
}
