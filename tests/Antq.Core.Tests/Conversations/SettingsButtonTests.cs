using Antq.Core.Residents;

namespace Antq.Core.Tests.Conversations;

/// <summary>The settings choices are built and read in one place.</summary>
public sealed class SettingsButtonTests
{
    [Theory]
    [InlineData("set:language")]
    [InlineData("set:area")]
    [InlineData("set:topics")]
    public void Buttons_already_sent_to_chats_keep_their_meaning_within_telegrams_limit(string data)
    {
        var button = SettingsButton.Parse(data);

        Assert.NotNull(button);
        Assert.Equal(data, button.Data);
        Assert.Equal(button, SettingsButton.Parse(button.Data));
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Fact]
    public void Each_setting_reads_back_as_itself() =>
        Assert.Equal([SettingsButton.Language, SettingsButton.Area, SettingsButton.Topics], new[] { "set:language", "set:area", "set:topics" }.Select(SettingsButton.Parse));

    [Theory]
    [InlineData("set:name")]
    [InlineData("lang:vi")]
    [InlineData("topics:all")]
    [InlineData(null)]
    public void Data_that_is_no_setting_is_no_settings_button(string? data) => Assert.Null(SettingsButton.Parse(data));
}
