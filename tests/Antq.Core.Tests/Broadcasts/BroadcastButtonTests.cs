using Antq.Core.Broadcasts;

namespace Antq.Core.Tests.Broadcasts;

/// <summary>The officers' broadcast buttons are built and read in one place: what is built is read back the same.</summary>
public sealed class BroadcastButtonTests
{
    [Theory]
    [InlineData(BroadcastAction.Show, "bcshow:7")]
    [InlineData(BroadcastAction.Pause, "bcpause:7")]
    [InlineData(BroadcastAction.Resume, "bcresume:7")]
    [InlineData(BroadcastAction.Cancel, "bccancel:7")]
    public void A_broadcast_button_reads_back_as_the_action_it_was_built_for_with_the_data_chats_already_hold(BroadcastAction action, string data)
    {
        var button = new BroadcastButton(action, 7);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, BroadcastButton.Parse(button.Data));
    }

    [Theory]
    [InlineData("text", 0, "bcedit:text:7")]
    [InlineData("time", 0, "bcedit:time:7")]
    [InlineData("days", 18, "bcedit:days:7:18")]
    public void An_edit_button_reads_back_as_the_edit_it_was_built_for_with_the_data_chats_already_hold(string what, int days, string data)
    {
        var button = new BroadcastEditButton(what, 7, days);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, BroadcastEditButton.Parse(button.Data));
    }

    [Theory]
    [InlineData("bcshow:")]
    [InlineData("bcpause:seven")]
    [InlineData("bccancel:-7")]
    [InlineData("evcancel:7")]
    [InlineData(null)]
    public void Data_that_is_not_a_well_formed_broadcast_button_is_no_action(string? data) => Assert.Null(BroadcastButton.Parse(data));

    [Theory]
    [InlineData("bcedit:text:7:18")]
    [InlineData("bcedit:days:7")]
    [InlineData("bcedit:title:7")]
    [InlineData("bcedit:time:x")]
    [InlineData("bcedit:")]
    public void Data_that_is_not_a_well_formed_edit_button_is_no_edit(string data) => Assert.Null(BroadcastEditButton.Parse(data));
}
