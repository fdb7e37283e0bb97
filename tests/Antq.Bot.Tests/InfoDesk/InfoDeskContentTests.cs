using Antq.Bot.Hosting;
using Antq.Testing;

namespace Antq.Bot.Tests.InfoDesk;

public sealed class InfoDeskContentTests
{
    private const string Entry = """{"id":"tam-tru","question":{"vi":"Đăng ký tạm trú?","en":"Residence?"},"answer":{"vi":"Ở công an phường.","en":"At the ward police."},"keywords":{"vi":["tạm trú"],"en":["residence"]}}""";

    [Theory]
    [InlineData("Content:FaqFile", "{\"entries\":[" + Entry + "," + Entry + "]}", "entries[1]: id \"tam-tru\" is used twice")]
    [InlineData("Content:FaqFile", "{\"entries\":[{\"id\":\"tam-tru\",\"question\":{\"vi\":\"a\",\"en\":\"a\"},\"answer\":{\"vi\":\"a\"},\"keywords\":{\"vi\":[\"a\"],\"en\":[\"a\"]}}]}", "entries[0] \"tam-tru\": \"answer.en\" is missing or empty")]
    [InlineData("Content:ContactsFile", "{\"posts\":[],\"officers\":[]}", "posts: ward \"chi-lang\" has no post")]
    [InlineData("Content:ContactsFile", "{\"posts\":[", "invalid JSON")]
    public void A_bad_content_file_stops_start_up_naming_the_file_the_entry_and_the_problem(string key, string json, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("antq-infodesk-").FullName;
        var file = Path.Combine(folder, "content.json");
        File.WriteAllText(file, json);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Antq"] = $"Data Source={Path.Combine(folder, "antq.db")}",
            ["Urls"] = "http://127.0.0.1:0",
            ["Telegram:BotToken"] = "",
            [key] = file,
        };

        var error = Assert.ThrowsAny<Exception>(() => TestBot.BuildHost(settings));

        var problem = AntqHost.StartupProblem(error);
        Assert.NotNull(problem);
        Assert.StartsWith(file + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
