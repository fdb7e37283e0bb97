using Antq.Core.InfoDesk;

namespace Antq.Core.Tests.InfoDesk;

/// <summary>The Q&amp;A's question and page buttons and "ask an officer" are built and read in one place.</summary>
public sealed class FaqButtonTests
{
    [Theory]
    [InlineData("faq:show:report-theft", "report-theft", 0)]
    [InlineData("faq:list:0", null, 0)]
    [InlineData("faq:list:2", null, 2)]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, string? entryId, int page)
    {
        var button = FaqButton.Parse(data);

        Assert.Equal(new FaqButton(entryId, page), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void A_question_and_a_page_read_back_as_themselves_within_telegrams_limit()
    {
        var longest = FaqButton.Show(new string('a', FaqCatalog.MaxIdLength));

        foreach (var button in new[] { longest, FaqButton.ListPage(int.MaxValue), FaqButton.FirstPage })
        {
            Assert.Equal(button, FaqButton.Parse(button.Data));
            Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
        }
    }

    [Theory]
    [InlineData("faq:list:next")]
    [InlineData("faq:show:")]
    [InlineData("faq:other")]
    public void A_malformed_faq_button_is_owned_but_names_nothing(string data)
    {
        Assert.True(FaqButton.Owns(data));
        Assert.Null(FaqButton.Parse(data));
    }

    [Theory]
    [InlineData("notices:1")]
    [InlineData("info:ask")]
    [InlineData("menu:faq")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_faq_button(string? data)
    {
        Assert.False(FaqButton.Owns(data));
        Assert.Null(FaqButton.Parse(data));
    }

    [Fact]
    public void Only_the_page_buttons_turn_the_list_page() =>
        Assert.Equal([true, false], new[] { FaqButton.ListPage(1).Data, FaqButton.Show("x").Data }.Select(FaqButton.IsListPage));

    [Fact]
    public void Ask_an_officer_reads_back_as_itself_and_nothing_else_does()
    {
        Assert.Equal("info:ask", AskOfficerButton.Instance.Data);
        Assert.Equal(AskOfficerButton.Instance, AskOfficerButton.Parse(AskOfficerButton.Instance.Data));
        Assert.Null(AskOfficerButton.Parse("info:asked"));
        Assert.Null(AskOfficerButton.Parse("faq:list:0"));
        Assert.Null(AskOfficerButton.Parse(null));
    }
}
