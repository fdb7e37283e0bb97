using Antq.Core.Residents;

namespace Antq.Core.Tests.Conversations;

/// <summary>The consent buttons are built and read in one place.</summary>
public sealed class ConsentButtonTests
{
    [Theory]
    [InlineData("consent:yes", true)]
    [InlineData("consent:no", false)]
    public void Buttons_already_sent_to_chats_keep_their_meaning_within_telegrams_limit(string data, bool given)
    {
        var button = ConsentButton.Parse(data);

        Assert.Equal(new ConsentButton(given), button);
        Assert.Equal(data, button!.Data);
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Theory]
    [InlineData("consent:maybe")]
    [InlineData("menu:start")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_consent_button(string? data) => Assert.Null(ConsentButton.Parse(data));
}
