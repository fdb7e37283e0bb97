using System.Text.RegularExpressions;
using Antq.Bot.Tests.Tips;
using Antq.Core.Conversations;
using Antq.Core.Officers;
using Antq.Core.Texts;
using Antq.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Conversations;

/// <summary>
/// The commands described once, by the features that run them: the router, the channel menus and /help all come from
/// the same descriptors, and the router alone decides who may run what.
/// </summary>
public sealed partial class CommandMenuTests
{
    private static readonly TextCatalog Texts = TextCatalog.LoadEmbedded();

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task Help_lists_every_command_of_the_menu_in_its_order_then_the_emergency_numbers(string language)
    {
        var commands = await CommandsAsync();
        var lines = commands.Help(Texts, language).Split('\n');

        var listed = lines.Where(l => l.StartsWith('/')).Select(l => l[1..].Split(' ')[0]).ToList();
        Assert.Equal(commands.Menu(Texts, language).Select(c => c.Name), listed);
        Assert.Contains("113", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_takes_an_argument_says_what_to_write_after_it_in_the_residents_language()
    {
        var commands = await CommandsAsync();
        Assert.Contains("\n/status MÃ — xem tình trạng tin báo đã gửi\n", commands.Help(Texts, "vi"), StringComparison.Ordinal);
        Assert.Contains("\n/status CODE — see the status of a tip you sent\n", commands.Help(Texts, "en"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_command_fits_the_channel_menu_in_every_language()
    {
        var commands = await CommandsAsync();
        foreach (var language in Languages.All)
        {
            foreach (var (name, description) in commands.Menu(Texts, language).Concat(commands.OfficerMenu(Texts, admin: true)))
            {
                // Telegram refuses the whole menu for one name or description out of these bounds.
                Assert.Matches(TelegramName(), name);
                Assert.InRange(description.Length, 1, 256);
            }
        }
    }

    [Fact]
    public async Task Every_declared_command_has_its_menu_and_help_texts_in_Vietnamese_and_English()
    {
        var commands = await CommandsAsync();
        foreach (var language in Languages.All)
        {
            var keys = Texts.KeysOf(language);
            foreach (var command in commands.All)
            {
                Assert.Contains(command.MenuKey, keys);
                Assert.Contains(command.HelpKey, keys);
                if (command.TakesArgument)
                {
                    Assert.Contains(command.ArgumentKey, keys);
                }
            }
        }
    }

    [Fact]
    public async Task The_residents_menu_offers_no_officer_command_and_officers_are_offered_theirs()
    {
        var commands = await CommandsAsync();
        var residents = commands.Menu(Texts, "vi").Select(c => c.Name).ToList();
        var officers = commands.OfficerMenu(Texts, admin: false).Select(c => c.Name).ToList();
        var admins = commands.OfficerMenu(Texts, admin: true).Select(c => c.Name).ToList();

        Assert.DoesNotContain("tips", residents);
        Assert.DoesNotContain("broadcast", residents);
        Assert.DoesNotContain("invite", residents);
        Assert.Subset(officers.ToHashSet(), new HashSet<string> { "tips", "broadcast", "event", "events", "report", "help" });
        Assert.DoesNotContain("tip", officers);
        Assert.DoesNotContain("invite", officers);
        Assert.Contains("invite", admins);
    }

    [Fact]
    public async Task Every_officer_command_from_a_resident_is_answered_as_an_unknown_command()
    {
        await using var bot = await TestBot.StartAsync();
        var resident = await bot.SignedUpAsync(704_001);
        var officerOnly = bot.Services.GetRequiredService<CommandMenu>().All
            .Where(c => c.Audience is CommandAudience.Officers or CommandAudience.Admins && !c.Answers("events")).ToList();
        Assert.NotEmpty(officerOnly);

        foreach (var command in officerOnly)
        {
            resident.Says("/" + command.Name);
            await resident.Sees($"Không có lệnh /{command.Name}.");
        }
    }

    [Fact]
    public async Task An_admin_command_from_an_officer_is_answered_as_an_unknown_command()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(704_010, "Trung úy Hà", OfficerRole.Officer, "chi-lang");

        officer.Says("/invite Chi Lăng");

        await officer.Sees("Không có lệnh /invite.");
    }

    [Fact]
    public async Task Every_resident_command_before_sign_up_starts_sign_up_first()
    {
        await using var bot = await TestBot.StartAsync();
        var residentOnly = bot.Services.GetRequiredService<CommandMenu>().All.Where(c => c.Audience == CommandAudience.Residents).ToList();
        Assert.NotEmpty(residentOnly);

        var chatId = 704_020L;
        foreach (var command in residentOnly)
        {
            var newcomer = bot.Chat(chatId++);
            newcomer.Says("/" + command.Name);
            await newcomer.Sees("Bạn cần đăng ký trước khi dùng chức năng này");
        }
    }

    [Fact]
    public async Task Help_lists_exactly_the_commands_of_the_one_who_asks()
    {
        await using var bot = await TestBot.StartAsync();
        var commands = bot.Services.GetRequiredService<CommandMenu>();
        var resident = await bot.SignedUpAsync(704_040);
        var officer = await bot.OfficerAsync(704_041, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var admin = await bot.OfficerAsync(704_042, "Đại úy Minh", OfficerRole.Admin, null);

        resident.Says("/help");
        Assert.Equal(commands.ForResidents.Select(c => c.Name), Listed(await resident.Sees("Các lệnh bạn có thể dùng:")));
        officer.Says("/help");
        Assert.Equal(commands.ForOfficers(admin: false).Select(c => c.Name), Listed(await officer.Sees("Các lệnh của cán bộ:")));
        admin.Says("/help");
        Assert.Equal(commands.ForOfficers(admin: true).Select(c => c.Name), Listed(await admin.Sees("Các lệnh của cán bộ:")));
    }

    [Fact]
    public async Task An_alias_and_a_menu_button_run_the_command_they_name()
    {
        await using var bot = await TestBot.StartAsync();
        var resident = await bot.SignedUpAsync(704_050);

        resident.Says("/home");
        await resident.Sees("Bạn cần gì?");
        resident.Says("/hoidap");
        await resident.Sees("Hỏi đáp thủ tục (trang 1/");
    }

    private static List<string> Listed(SentMessage help) =>
        [.. help.Text.Split('\n').Where(l => l.StartsWith('/')).Select(l => l[1..].Split(' ')[0])];

    private static async Task<CommandMenu> CommandsAsync()
    {
        await using var bot = await TestBot.StartAsync();
        return bot.Services.GetRequiredService<CommandMenu>();
    }

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex TelegramName();
}
