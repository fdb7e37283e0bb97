using Antq.Core.Residents;

namespace Antq.Core.Tests.Conversations;

/// <summary>The buttons confirming or refusing an erasure are built and read in one place.</summary>
public sealed class EraseButtonTests
{
    [Theory]
    [InlineData("erase:yes", true)]
    [InlineData("erase:no", false)]
    public void Buttons_already_sent_to_chats_keep_their_meaning_within_telegrams_limit(string data, bool confirmed)
    {
        var button = EraseButton.Parse(data);

        Assert.Equal(new EraseButton(confirmed), button);
        Assert.Equal(data, button!.Data);
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Theory]
    [InlineData("erase:maybe")]
    [InlineData("erase:")]
    [InlineData("consent:yes")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_erase_button(string? data) => Assert.Null(EraseButton.Parse(data));
}
