using Antq.Core.InfoDesk;

namespace Antq.Core.Tests.InfoDesk;

/// <summary>The notices page buttons are built and read in one place.</summary>
public sealed class NoticesPageButtonTests
{
    [Theory]
    [InlineData(0, "notices:0")]
    [InlineData(3, "notices:3")]
    public void A_notices_button_reads_back_as_its_page_with_the_data_chats_already_hold(int page, string data)
    {
        var button = new NoticesPageButton(page);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, NoticesPageButton.Parse(button.Data));
    }

    [Theory]
    [InlineData("notices:")]
    [InlineData("notices:-1")]
    [InlineData("notices:next")]
    [InlineData("faq:list:1")]
    [InlineData(null)]
    public void Data_that_is_not_a_well_formed_notices_button_is_no_page(string? data) => Assert.Null(NoticesPageButton.Parse(data));
}
