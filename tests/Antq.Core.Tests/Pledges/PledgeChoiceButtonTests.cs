using Antq.Core.Pledges;

namespace Antq.Core.Tests.Pledges;

/// <summary>The pledge flow's kind and choice buttons are built and read in one place.</summary>
public sealed class PledgeChoiceButtonTests
{
    [Theory]
    [InlineData("pledgekind:household", SignerKind.Household)]
    [InlineData("pledgekind:business", SignerKind.Business)]
    [InlineData("pledgekind:school", SignerKind.School)]
    [InlineData("pledgekind:individual", SignerKind.Individual)]
    public void Kind_buttons_already_sent_to_chats_keep_their_meaning(string data, SignerKind kind)
    {
        Assert.Equal(kind, PledgeKindButton.Parse(data)?.Kind);
        Assert.Equal(data, new PledgeKindButton(kind).Data);
    }

    [Theory]
    [InlineData("pledgekind:club")]
    [InlineData("pledgeplace:mine")]
    [InlineData(null)]
    public void Data_that_names_no_kind_is_no_kind_button(string? data) => Assert.Null(PledgeKindButton.Parse(data));

    [Theory]
    [InlineData("pledgeplace:mine", PledgeChoice.PlaceMine)]
    [InlineData("pledgeplace:other", PledgeChoice.PlaceOther)]
    [InlineData("pledgeall", PledgeChoice.AllTypes)]
    [InlineData("pledgecommit", PledgeChoice.Commit)]
    public void Choice_buttons_already_sent_to_chats_keep_their_meaning(string data, PledgeChoice choice)
    {
        Assert.Equal(choice, PledgeChoiceButton.Parse(data));
        Assert.Equal(data, new PledgeChoiceButton(choice).Data);
    }

    [Theory]
    [InlineData("place:mine")]
    [InlineData("pledgetype:traffic")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_pledge_choice(string? data) => Assert.Null(PledgeChoiceButton.Parse(data));
}
