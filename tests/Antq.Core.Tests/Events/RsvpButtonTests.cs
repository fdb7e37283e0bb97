using Antq.Core.Events;

namespace Antq.Core.Tests.Events;

/// <summary>The event answer buttons are built and read in one place: what is built is read back as the same answer.</summary>
public sealed class RsvpButtonTests
{
    [Theory]
    [InlineData(1L, true)]
    [InlineData(9_007_199_254_740_993L, false)]
    public void An_answer_button_reads_back_as_the_answer_it_was_built_for(long eventId, bool coming)
    {
        var button = new RsvpButton(eventId, coming);

        Assert.Equal(button, RsvpButton.Parse(button.Data));
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Theory]
    [InlineData("rsvp:12:maybe")]
    [InlineData("rsvp:12")]
    [InlineData("evmove:12")]
    public void Data_that_is_not_a_well_formed_answer_is_no_answer(string data) => Assert.Null(RsvpButton.Parse(data));
}
