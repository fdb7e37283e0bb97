using System.Diagnostics;
using Antq.Bot.Cli;
using Antq.Bot.Hosting;
using Antq.Bot.Tests.Conversations;
using Antq.Bot.Tests.Pledges;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Operations;

/// <summary>The operator's command line: officers of every channel, help, one service per database.</summary>
public sealed class CommandLineTests
{
    private const string WebChatId = "n4bQgYhMfWqWpcGWkZ8N8s3LrC0gGzXfE5kgPl-X_Aw";

    [Fact]
    public async Task Officers_of_every_channel_are_added_listed_and_removed_by_channel_and_id()
    {
        var db = Path.Combine(Directory.CreateTempSubdirectory("antq-cli-").FullName, "antq.db");

        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(db, "officers", "add", "--channel", "zalo", "--id", "8402000000000001", "--name", "Trung úy Hà", "--role", "officer", "--ward", "chi lang")).Code);
        var web = await PledgeJourneys.RunVerbAsync(db, "officers", "add", "--channel", "webchat", "--id", WebChatId, "--name", "Đại úy Minh", "--role", "admin");
        Assert.Contains("Added Đại úy Minh, admin (whole city) (web chat id " + WebChatId + ")", web.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(db, "officers", "add", "--telegram-id", "424242", "--name", "Thiếu úy Tâm", "--role", "officer", "--ward", "Tam Thanh")).Code);

        var list = (await PledgeJourneys.RunVerbAsync(db, "officers", "list")).Out.Split('\n');
        Assert.Contains(list, l => l.StartsWith("zalo ", StringComparison.Ordinal) && l.Contains("8402000000000001", StringComparison.Ordinal) && l.Contains("Trung úy Hà, officer of Chi Lăng", StringComparison.Ordinal));
        Assert.Contains(list, l => l.StartsWith("webchat ", StringComparison.Ordinal) && l.Contains(WebChatId, StringComparison.Ordinal));
        Assert.Contains(list, l => l.StartsWith("telegram ", StringComparison.Ordinal) && l.Contains("424242", StringComparison.Ordinal));
        var onZalo = (await PledgeJourneys.RunVerbAsync(db, "officers", "list", "--channel", "zalo")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, onZalo.Length);
        Assert.StartsWith("zalo ", onZalo[0], StringComparison.Ordinal);
        Assert.Equal("1 officer(s) on Zalo.", onZalo[1].Trim());
        Assert.Contains("Đại úy Minh, admin", (await PledgeJourneys.RunVerbAsync(db, "officers", "list", "--channel", "webchat")).Out, StringComparison.Ordinal);

        var removed = await PledgeJourneys.RunVerbAsync(db, "officers", "remove", "--channel", "zalo", "--id", "8402000000000001");
        Assert.Equal((0, "Removed the officer with Zalo id 8402000000000001; their officer commands stop working now."), (removed.Code, removed.Out.Trim()));
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(db, "officers", "remove", "--channel", "webchat", "--id", WebChatId)).Code);
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(db, "officers", "remove", "--telegram-id", "424242")).Code);
        Assert.Contains("0 officer(s).", (await PledgeJourneys.RunVerbAsync(db, "officers", "list")).Out, StringComparison.Ordinal);

        (string[] Args, string Message)[] bad =
        [
            (["officers", "add", "--channel", "viber", "--id", "1", "--name", "X", "--role", "admin"], "--channel must be telegram, zalo or webchat (got 'viber')"),
            (["officers", "add", "--channel", "telegram", "--id", "@minh", "--name", "X", "--role", "admin"], "a Telegram id is the officer's numeric user id (got '@minh')"),
            (["officers", "add", "--channel", "webchat", "--id", "abc", "--name", "X", "--role", "admin"], "a web chat id has 43 letters"),
            (["officers", "add", "--telegram-id", "5", "--channel", "zalo", "--id", "5", "--name", "X", "--role", "admin"], "give either --telegram-id, or --channel and --id, not both"),
            (["officers", "add", "--name", "X", "--role", "admin"], "--channel and --id are required (or --telegram-id)"),
            (["officers", "remove", "--channel", "zalo", "--id", "77"], "no officer with Zalo id 77"),
            (["officers", "invite", "--role", "officer"], "--ward is required for an officer"),
            (["officers", "invite", "--role", "officer", "--ward", "Ba Đình"], "no ward or commune 'Ba Đình'"),
            (["officers", "list", "--channel", "viber"], "--channel must be telegram, zalo or webchat (got 'viber')"),
            (["officers", "list", "--channel"], "--channel needs a value"),
            (["officers", "list", "--ward", "Chi Lăng"], "unknown argument '--ward'"),
            (["officers", "promote"], "unknown command 'officers promote'"),
            (["oficers", "list"], "unknown verb 'oficers'"),
        ];
        foreach (var (args, message) in bad)
        {
            var refused = await PledgeJourneys.RunVerbAsync(db, args);
            Assert.Equal(2, refused.Code);
            Assert.Contains("error: " + message, refused.Err, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invitation_printed_by_the_command_line_lets_a_web_chat_visitor_join_and_removing_them_ends_their_rights_at_once()
    {
        await using var bot = await TestBot.StartAsync();
        var invited = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "officers", "invite", "--role", "officer", "--ward", "Tam Thanh");
        Assert.Equal(0, invited.Code);
        Assert.Contains("Invitation code for an officer of Tam Thanh: ", invited.Out, StringComparison.Ordinal);
        var code = invited.Out.Split("/join ")[1][..8];

        using var visitor = await bot.WebVisitorAsync();
        await visitor.Says($"/join {code} Thiếu úy Lê Văn Tâm");
        await visitor.Sees("Chào đồng chí Thiếu úy Lê Văn Tâm!");
        await visitor.Says("/tips");
        await visitor.Sees("Không có tin báo nào đang mở");

        var listed = (await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "officers", "list")).Out.Split('\n').Single(l => l.StartsWith("webchat ", StringComparison.Ordinal));
        Assert.Contains("Thiếu úy Lê Văn Tâm, officer of Tam Thanh", listed, StringComparison.Ordinal);
        var id = listed.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "officers", "remove", "--channel", "webchat", "--id", id)).Code);

        // The running service is not restarted: the very next officer command is refused.
        await visitor.Says("/tips");
        await visitor.Sees("Không có lệnh /tips.");
        Assert.Equal(0, await bot.QueryAsync(db => db.Officers.CountAsync()));
        var again = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "officers", "invite", "--role", "admin");
        Assert.Contains("Invitation code for an admin (whole city): ", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_exits_0_without_starting_a_service_or_touching_the_database()
    {
        var folder = Directory.CreateTempSubdirectory("antq-cli-").FullName;
        var db = Path.Combine(folder, "antq.db");

        var help = await PledgeJourneys.RunVerbAsync(db, "--help");
        var officers = await PledgeJourneys.RunVerbAsync(db, "officers", "--help");
        var invite = await PledgeJourneys.RunVerbAsync(db, "officers", "invite", "--help");
        var report = await PledgeJourneys.RunVerbAsync(db, "report", "-h");

        Assert.All([help, officers, invite, report], r => Assert.Equal(0, r.Code));
        Assert.Contains("officers invite --role admin|officer", help.Out, StringComparison.Ordinal);
        Assert.Contains("pledges import FILE.csv", help.Out, StringComparison.Ordinal);
        Assert.Contains("report [--from YYYY-MM-DD]", help.Out, StringComparison.Ordinal);
        Assert.Contains("officers remove --channel telegram|zalo|webchat --id ID", officers.Out, StringComparison.Ordinal);
        Assert.Contains("officers invite", invite.Out, StringComparison.Ordinal);
        Assert.Contains("--chart FILE.png", report.Out, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
        Assert.True(CliVerbs.IsVerb(["--Urls", "http://127.0.0.1:0", "--help"]));
        Assert.False(CliVerbs.IsVerb(["--Urls", "http://127.0.0.1:0"]));
    }

    [Fact]
    public async Task The_menu_printed_for_a_Zalo_OA_is_the_one_the_bot_gives_Telegram_and_lists_in_help()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Api.WaitForCallAsync("deleteWebhook", ChatScript.Patience);
        var telegram = bot.Api.CallsTo("setMyCommands").Single(c => c.Field("language_code") == "vi").JsonField("commands")!.AsArray()
            .Select(c => (Name: (string)c!["command"]!, Description: (string)c["description"]!)).ToList();

        var zalo = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "commands", "--channel", "zalo");
        Assert.Equal(0, zalo.Code);
        var printed = zalo.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (Name: l[(l.LastIndexOf('/') + 1)..].Trim(), Description: l[..l.LastIndexOf('/')].Trim())).ToList();
        Assert.Equal(telegram, printed);
        Assert.Contains(("tip", "Gửi tin báo cho công an"), printed);
        Assert.DoesNotContain(printed, c => c.Name is "tips" or "broadcast" or "join");

        var resident = await bot.SignedUpAsync(1_905_001);
        resident.Says("/help");
        var help = await resident.Sees("Các lệnh bạn có thể dùng:");
        Assert.All(printed, c => Assert.Contains("/" + c.Name + " ", help.Text, StringComparison.Ordinal));

        var english = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "commands", "--channel", "telegram", "--language", "en");
        Assert.Contains("tip - Send a tip to the police\n", english.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var usage = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, "commands", "--help");
        Assert.Contains("commands --channel zalo|telegram [--language vi|en]", usage.Out, StringComparison.Ordinal);
        foreach (var (args, message) in new (string[], string)[]
        {
            (["commands"], "--channel is required"),
            (["commands", "--channel", "viber"], "--channel must be zalo or telegram (got 'viber')"),
            (["commands", "--channel", "zalo", "--language", "fr"], "--language must be vi or en (got 'fr')"),
        })
        {
            var refused = await PledgeJourneys.RunVerbAsync(bot.DatabaseFile, args);
            Assert.Equal((2, true), (refused.Code, refused.Err.Contains("error: " + message, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task The_published_binary_prints_help_and_exits_0()
    {
        var bot = Path.Combine(AppContext.BaseDirectory, "Antq.Bot.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [bot, "--help"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("antq-cli-").FullName,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Antq.Bot VERB … [--help]", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_service_on_the_same_database_refuses_to_start_with_a_clear_message_and_a_non_zero_exit()
    {
        await using var bot = await TestBot.StartAsync();
        string[] args = [$"--ConnectionStrings:Antq=Data Source={bot.DatabaseFile}", "--Urls=http://127.0.0.1:0", "--Telegram:BotToken=", "--WebChat:Enabled=false"];
        var error = Console.Error;
        using var captured = new StringWriter();
        int code;
        Console.SetError(captured);
        try
        {
            code = await AntqHost.RunAsync(args).WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            Console.SetError(error);
        }

        Assert.Equal(2, code);
        Assert.Contains("Antq.Bot cannot start: another Antq.Bot is already running on " + bot.DatabaseFile, captured.ToString(), StringComparison.Ordinal);

        // Once the first one stops, the database is free again.
        await bot.RestartAsync();
        var chat = bot.Chat(1_904_001);
        chat.Says("/start");
        await chat.Sees("ngôn ngữ");
    }
}
