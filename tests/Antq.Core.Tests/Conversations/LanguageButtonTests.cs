using Antq.Core.Residents.Steps;
using Antq.Core.Texts;

namespace Antq.Core.Tests.Conversations;

/// <summary>The language buttons are built and read in one place.</summary>
public sealed class LanguageButtonTests
{
    [Theory]
    [InlineData("lang:vi", Languages.Vietnamese)]
    [InlineData("lang:en", Languages.English)]
    public void Buttons_already_sent_to_chats_keep_their_meaning_within_telegrams_limit(string data, string language)
    {
        var button = LanguageButton.Parse(data);

        Assert.Equal(new LanguageButton(language), button);
        Assert.Equal(data, button!.Data);
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Theory]
    [InlineData("lang:fr")]
    [InlineData("lang:")]
    [InlineData("set:language")]
    [InlineData(null)]
    public void Data_that_is_no_supported_language_is_no_language_button(string? data) => Assert.Null(LanguageButton.Parse(data));
}
