using Antq.Core.Events;

namespace Antq.Core.Tests.Events;

/// <summary>The buttons of the /event flow are built and read in one place.</summary>
public sealed class EventDraftButtonTests
{
    [Fact]
    public void Buttons_already_sent_to_chats_keep_their_meaning()
    {
        Assert.Equal("evremind:4320", EventDraftButton.Reminder(4320).Data);
        Assert.Equal(4320, EventDraftButton.Parse("evremind:4320")?.ReminderMinutes);
        Assert.Equal("ev:create", EventDraftButton.Preview("create").Data);
        Assert.Equal("create", EventDraftButton.Parse("ev:create")?.PreviewChoice);
        Assert.Equal("drop", EventDraftButton.Parse("ev:drop")?.PreviewChoice);
    }

    [Theory]
    [InlineData("evremind:soon")]
    [InlineData("evmove:12")]
    [InlineData("rsvp:12:yes")]
    [InlineData(null)]
    public void Data_of_another_family_or_malformed_is_no_event_draft_button(string? data) => Assert.Null(EventDraftButton.Parse(data));
}
