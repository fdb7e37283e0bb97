using Antq.Core.Tips;

namespace Antq.Core.Tests.Tips;

/// <summary>The officers' tip buttons are built and read in one place: what is built is read back as the same action.</summary>
public sealed class TipActionButtonTests
{
    [Theory]
    [InlineData(TipAction.Take, "ABCD2345")]
    [InlineData(TipAction.Verify, "ABCD2345")]
    [InlineData(TipAction.Useless, "ABCD2345")]
    [InlineData(TipAction.Spam, "ABCD2345")]
    [InlineData(TipAction.Close, "ABCD2345")]
    [InlineData(TipAction.Reply, "ABCD2345")]
    [InlineData(TipAction.Open, "ABCD2345")]
    public void A_tip_action_button_reads_back_as_the_action_it_was_built_for(TipAction action, string code)
    {
        var button = TipActionButton.For(action, code);

        Assert.Equal(button, TipActionButton.Parse(button.Data));
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Fact]
    public void A_list_page_button_reads_back_as_its_page() => Assert.Equal(3, TipActionButton.Parse(TipActionButton.ListPage(3).Data)?.Page);

    [Theory]
    [InlineData("tipact:take:ABCD2345", TipAction.Take)]
    [InlineData("tipact:useless:ABCD2345", TipAction.Useless)]
    [InlineData("tipact:open:ABCD2345", TipAction.Open)]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, TipAction action)
    {
        Assert.Equal(new TipActionButton(action, "ABCD2345"), TipActionButton.Parse(data));
        Assert.Equal(data, TipActionButton.For(action, "ABCD2345").Data);
    }

    [Theory]
    [InlineData("tipact:promote:ABCD2345")]
    [InlineData("tipact:list:-1")]
    [InlineData("tipact:list:two")]
    [InlineData("tipact:")]
    [InlineData("tipans:ABCD2345")]
    [InlineData(null)]
    public void Data_that_is_not_a_well_formed_tip_action_is_no_action(string? data) => Assert.Null(TipActionButton.Parse(data));

    [Fact]
    public void An_answer_button_reads_back_as_its_tip()
    {
        var button = new TipAnswerButton("ABCD2345");

        Assert.Equal("tipans:ABCD2345", button.Data);
        Assert.Equal(button, TipAnswerButton.Parse(button.Data));
        Assert.Null(TipAnswerButton.Parse("tipact:reply:ABCD2345"));
    }
}
