using Antq.Core.Conversations;

namespace Antq.Core.Tests.Conversations;

public sealed class CommandTests
{
    private static InboundMessage Text(string text) => new() { Channel = "t", UpdateId = "1", ChatId = "1", UserId = "1", Kind = InboundKind.Text, Text = text };

    [Theory]
    [InlineData("/start", "start", null)]
    [InlineData("  /START  ", "start", null)]
    [InlineData("/start@AntqBot", "start", null)]
    [InlineData("/start@AntqBot abc-123", "start", "abc-123")]
    [InlineData("/status  ABCD2345 ", "status", "ABCD2345")]
    [InlineData("/delete_me", "delete_me", null)]
    public void A_typed_command_is_read_with_its_argument(string text, string name, string? argument) =>
        Assert.Equal(new Command(name, argument), Command.Parse(Text(text)));

    [Theory]
    [InlineData("start")]
    [InlineData("/")]
    [InlineData("xin chào /start")]
    [InlineData("")]
    public void Text_that_is_not_a_command_is_not_read_as_one(string text) => Assert.Null(Command.Parse(Text(text)));

    [Fact]
    public void A_main_menu_button_is_a_command_and_other_buttons_are_not()
    {
        var menu = Text("") with { Kind = InboundKind.Button, ButtonData = "menu:settings", Text = null };
        var other = menu with { ButtonData = "ward:chi-lang" };

        Assert.Equal(new Command("settings", null), Command.Parse(menu));
        Assert.Null(Command.Parse(other));
    }
}
