using Antq.Bot.WebConsole;
using Antq.Core.Texts;

namespace Antq.Bot.Tests.WebConsole;

public sealed class ConsoleTextsTests
{
    [Fact]
    public void Every_console_label_is_written_in_Vietnamese_and_in_English()
    {
        var texts = new ConsoleTexts();

        Assert.Equal(texts.KeysOf(Languages.Vietnamese).Order(), texts.KeysOf(Languages.English).Order());
        Assert.All(texts.KeysOf(Languages.Vietnamese), key => Assert.NotEqual(texts.Get(Languages.Vietnamese, key), texts.Get(Languages.English, key)));
    }
}
