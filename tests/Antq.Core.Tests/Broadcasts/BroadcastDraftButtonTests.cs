using Antq.Core.Broadcasts;

namespace Antq.Core.Tests.Broadcasts;

/// <summary>The buttons of the /broadcast flow are built and read in one place.</summary>
public sealed class BroadcastDraftButtonTests
{
    [Theory]
    [InlineData("bctopic:fire", BroadcastDraftField.Topic, "fire")]
    [InlineData("bcward:chi-lang", BroadcastDraftField.Ward, "chi-lang")]
    [InlineData("bcaudience:city", BroadcastDraftField.Audience, "city")]
    [InlineData("bcunit:chi-lang-k1", BroadcastDraftField.Unit, "chi-lang-k1")]
    [InlineData("bclang:vi", BroadcastDraftField.Language, "vi")]
    [InlineData("bcwhen:later", BroadcastDraftField.When, "later")]
    [InlineData("bcrepeat:weekly", BroadcastDraftField.Repeat, "weekly")]
    [InlineData("bcday:4", BroadcastDraftField.Day, "4")]
    [InlineData("bc:send", BroadcastDraftField.Preview, "send")]
    [InlineData("bc:cancel", BroadcastDraftField.Preview, "cancel")]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, BroadcastDraftField field, string value)
    {
        var button = new BroadcastDraftButton(field, value);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, BroadcastDraftButton.Parse(data));
    }

    [Theory]
    [InlineData("bcshow:12")]
    [InlineData("bcedit:time:12")]
    [InlineData("ward:chi-lang")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_broadcast_draft_button(string? data) => Assert.Null(BroadcastDraftButton.Parse(data));
}
