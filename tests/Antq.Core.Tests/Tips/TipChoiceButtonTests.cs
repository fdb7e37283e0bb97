using Antq.Core.Tips;

namespace Antq.Core.Tests.Tips;

/// <summary>The tip flow's choice buttons are built and read in one place.</summary>
public sealed class TipChoiceButtonTests
{
    [Theory]
    [InlineData("place:mine", TipChoice.PlaceMine)]
    [InlineData("place:other", TipChoice.PlaceOther)]
    [InlineData("when:now", TipChoice.WhenNow)]
    [InlineData("when:today", TipChoice.WhenToday)]
    [InlineData("when:earlier", TipChoice.WhenEarlier)]
    [InlineData("anon:yes", TipChoice.Anonymous)]
    [InlineData("anon:no", TipChoice.Named)]
    [InlineData("tipedit:category", TipChoice.EditCategory)]
    [InlineData("tipedit:place", TipChoice.EditPlace)]
    [InlineData("tipedit:when", TipChoice.EditWhen)]
    [InlineData("tipedit:description", TipChoice.EditDescription)]
    [InlineData("tipedit:anonymity", TipChoice.EditAnonymity)]
    [InlineData("tip:send", TipChoice.Send)]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, TipChoice choice)
    {
        Assert.Equal(choice, TipChoiceButton.Parse(data));
        Assert.Equal(data, new TipChoiceButton(choice).Data);
    }

    [Fact]
    public void Every_choice_reads_back_as_itself() =>
        Assert.All(Enum.GetValues<TipChoice>(), c => Assert.Equal(c, TipChoiceButton.Parse(new TipChoiceButton(c).Data)));

    [Theory]
    [InlineData("pledgeplace:mine")]
    [InlineData("tipcat:theft")]
    [InlineData("tip:")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_tip_choice(string? data) => Assert.Null(TipChoiceButton.Parse(data));
}
