using Antq.Core.Pledges;
using Antq.Core.Tips;

namespace Antq.Core.Tests.Tips;

/// <summary>The choice buttons of the tip and pledge flows are built and read in one place.</summary>
public sealed class TipCategoryButtonTests
{
    [Fact]
    public void A_category_button_reads_back_as_its_category_with_the_data_chats_already_hold()
    {
        var button = new TipCategoryButton("theft");

        Assert.Equal("tipcat:theft", button.Data);
        Assert.Equal(button, TipCategoryButton.Parse(button.Data));
    }

    [Fact]
    public void A_pledge_type_button_reads_back_as_its_type_with_the_data_chats_already_hold()
    {
        var button = new PledgeTypeButton("no_drugs");

        Assert.Equal("pledgetype:no_drugs", button.Data);
        Assert.Equal(button, PledgeTypeButton.Parse(button.Data));
    }

    [Theory]
    [InlineData("pledgetype:theft")]
    [InlineData("tip:theft")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_category(string? data) => Assert.Null(TipCategoryButton.Parse(data));

    [Theory]
    [InlineData("tipcat:no_drugs")]
    [InlineData("pledgekind:individual")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_pledge_type(string? data) => Assert.Null(PledgeTypeButton.Parse(data));
}
