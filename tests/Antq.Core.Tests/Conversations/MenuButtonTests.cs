using Antq.Core.Conversations;

namespace Antq.Core.Tests.Conversations;

/// <summary>Commands as buttons (the main menu, cancel, the officers' home) are built and read in one place.</summary>
public sealed class MenuButtonTests
{
    [Theory]
    [InlineData("menu:settings", "settings")]
    [InlineData("menu:cancel", "cancel")]
    [InlineData("menu:menu", "menu")]
    public void Buttons_already_sent_to_chats_keep_their_meaning(string data, string command)
    {
        var button = MenuButton.Parse(data);

        Assert.Equal(new MenuButton(command), button);
        Assert.Equal(data, button!.Data);
    }

    [Fact]
    public void The_longest_command_reads_back_as_itself_within_telegrams_limit()
    {
        var button = new MenuButton(new string('a', Command.MaxNameLength));

        Assert.Equal(button, MenuButton.Parse(button.Data));
        Assert.True(button.Data.Length <= 64); // Telegram's limit for callback data
    }

    [Fact]
    public void Cancel_is_the_cancel_command() => Assert.Equal("cancel", MenuButton.Parse(Navigation.CancelData)?.Command);

    [Theory]
    [InlineData("faq:list:0")]
    [InlineData("set:area")]
    [InlineData("done")]
    [InlineData(null)]
    public void Data_of_another_family_is_no_command_button(string? data) => Assert.Null(MenuButton.Parse(data));
}
