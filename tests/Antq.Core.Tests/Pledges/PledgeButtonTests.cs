using Antq.Core.Pledges;

namespace Antq.Core.Tests.Pledges;

/// <summary>The buttons on a resident's own pledges are built and read in one place.</summary>
public sealed class PledgeButtonTests
{
    [Theory]
    [InlineData(PledgeAction.Fix, "pledgefix:42")]
    [InlineData(PledgeAction.Withdraw, "pledgewd:42")]
    [InlineData(PledgeAction.ConfirmWithdraw, "pledgewdok:42")]
    public void A_pledge_button_reads_back_as_the_action_it_was_built_for_with_the_data_chats_already_hold(PledgeAction action, string data)
    {
        var button = new PledgeButton(action, 42);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, PledgeButton.Parse(button.Data));
        Assert.True(PledgeButton.Owns(button.Data));
    }

    [Theory]
    [InlineData("pledgefix:")]
    [InlineData("pledgewd:ok")]
    [InlineData("pledgewdok:forty")]
    [InlineData("pledgetype:42")]
    [InlineData(null)]
    public void Data_that_is_not_a_well_formed_pledge_button_is_no_action(string? data) => Assert.Null(PledgeButton.Parse(data));

    [Fact]
    public void Other_families_are_not_pledge_buttons() => Assert.False(PledgeButton.Owns("pledgetype:42"));
}
