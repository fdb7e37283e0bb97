using System.Text.RegularExpressions;
using Antq.Core.Conversations;
using Antq.Core.Residents;
using Antq.Core.Texts;

namespace Antq.Core.Tests.Conversations;

/// <summary>The resident commands described once: the channel menu and /help come from the same list.</summary>
public sealed partial class CommandMenuTests
{
    private static readonly TextCatalog Texts = TextCatalog.LoadEmbedded();

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Help_lists_every_command_of_the_menu_in_its_order_then_the_emergency_numbers(string language)
    {
        var lines = CommandMenu.Help(Texts, language).Split('\n');

        var listed = lines.Where(l => l.StartsWith('/')).Select(l => l[1..].Split(' ')[0]).ToList();
        Assert.Equal(CommandMenu.Menu(Texts, language).Select(c => c.Name), listed);
        Assert.Contains("113", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_takes_an_argument_says_what_to_write_after_it_in_the_residents_language()
    {
        Assert.Contains("\n/status MÃ — xem tình trạng tin báo đã gửi\n", CommandMenu.Help(Texts, "vi"), StringComparison.Ordinal);
        Assert.Contains("\n/status CODE — see the status of a tip you sent\n", CommandMenu.Help(Texts, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_fits_the_channel_menu_in_every_language()
    {
        foreach (var language in Languages.All)
        {
            foreach (var (name, description) in CommandMenu.Menu(Texts, language))
            {
                // Telegram refuses the whole menu for one name or description out of these bounds.
                Assert.Matches(TelegramName(), name);
                Assert.InRange(description.Length, 1, 256);
            }
        }
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex TelegramName();
}
