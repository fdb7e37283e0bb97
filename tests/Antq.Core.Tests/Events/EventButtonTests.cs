using Antq.Core.Events;

namespace Antq.Core.Tests.Events;

/// <summary>The officers' move and cancel buttons on events are built and read in one place.</summary>
public sealed class EventButtonTests
{
    [Theory]
    [InlineData(EventAction.Move, "evmove:12")]
    [InlineData(EventAction.Cancel, "evcancel:12")]
    public void An_event_button_reads_back_as_the_action_it_was_built_for_with_the_data_chats_already_hold(EventAction action, string data)
    {
        var button = new EventButton(action, 12);

        Assert.Equal(data, button.Data);
        Assert.Equal(button, EventButton.Parse(button.Data));
    }

    [Theory]
    [InlineData("evmove:")]
    [InlineData("evcancel:twelve")]
    [InlineData("rsvp:12:yes")]
    [InlineData(null)]
    public void Data_that_is_not_a_well_formed_event_button_is_no_action(string? data) => Assert.Null(EventButton.Parse(data));
}
