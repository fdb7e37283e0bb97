using Antq.Bot.Cli;
using Antq.Bot.Tests.Conversations;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Tips;

public sealed class OfficerTests
{
    [Fact]
    public async Task Officer_commands_do_not_exist_for_residents()
    {
        await using var bot = await TestBot.StartAsync();
        var resident = await bot.SignedUpAsync(703_001);

        resident.Says("/tips");
        await resident.Sees("Không có lệnh /tips.");
        resident.Says("/invite Chi Lăng");
        await resident.Sees("Không có lệnh /invite.");
        resident.Send(UpdateFactory.Button(bot.NextUpdateId(), resident.Id, "tipact:take:ABCD2345"));
        await resident.Sees("Nút này thuộc một bước trước");
    }

    [Fact]
    public async Task An_invitation_works_once_and_not_after_it_expires()
    {
        await using var bot = await TestBot.StartAsync();
        var admin = await bot.OfficerAsync(703_010, "Đại úy Minh", OfficerRole.Admin, null);

        admin.Says("/invite Tam Thanh");
        var invitation = await admin.Sees("Mã mời: ");
        var code = invitation.Text.Substring("Mã mời: ".Length, 8);
        var newcomer = bot.Chat(703_011);
        newcomer.Says($"/join {code} Thiếu úy Lê Văn Tâm");
        await newcomer.Sees("Chào đồng chí Thiếu úy Lê Văn Tâm!");
        var officer = await bot.QueryAsync(db => db.Officers.SingleAsync(o => o.ExternalUserId == "703011"));
        Assert.Equal((OfficerRole.Officer, "tam-thanh"), (officer.Role, officer.WardId));
        newcomer.Says("/tips");
        await newcomer.Sees("Không có tin báo nào đang mở");

        var again = bot.Chat(703_012);
        again.Says($"/join {code} Nguyễn Văn Khác");
        await again.Sees("Mã mời không hợp lệ, đã dùng hoặc đã hết hạn.");

        admin.Says("/invite Mai Pha");
        var second = await admin.Sees("Mã mời: ");
        bot.Clock.Advance(TimeSpan.FromHours(73));
        again.Says($"/join {second.Text.Substring("Mã mời: ".Length, 8)} Nguyễn Văn Khác");
        await again.Sees("Mã mời không hợp lệ, đã dùng hoặc đã hết hạn.");
        Assert.Equal(2, await bot.QueryAsync(db => db.Officers.CountAsync()));
    }

    [Fact]
    public async Task An_officer_lists_open_tips_of_their_ward_and_opens_one_with_its_thread()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.OfficerAsync(703_020, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var chat = await bot.AtTipCategoryAsync(703_021);
        await chat.AtReviewAsync();
        var code = await chat.SendsTipAsync();
        await officer.Sees("Tin báo mới " + code);

        officer.Says("/tips");
        var list = await officer.Sees("Tin báo đang mở: 1 (trang 1/1)");
        Assert.Contains(list.Buttons, b => b.Text.StartsWith(code, StringComparison.Ordinal));
        officer.Taps(code);
        await officer.Sees("Tin báo " + code);
    }

    [Fact]
    public async Task The_officers_verb_adds_lists_and_removes_and_refuses_bad_input_with_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("antq-cli-").FullName;
        var db = $"--ConnectionStrings:Antq=Data Source={Path.Combine(folder, "antq.db")}";
        async Task<(int Code, string Out, string Err)> Run(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await CliVerbs.RunAsync([.. args, db], output, error);
            return (code, output.ToString(), error.ToString());
        }

        var added = await Run("officers", "add", "--telegram-id", "424242", "--name", "Trần Văn Bình", "--role", "officer", "--ward", "hoang van thu");
        Assert.Equal(0, added.Code);
        Assert.Contains("Added Trần Văn Bình, officer of Hoàng Văn Thụ", added.Out, StringComparison.Ordinal);
        var list = await Run("officers", "list");
        Assert.Contains("424242", list.Out, StringComparison.Ordinal);
        Assert.Contains("1 officer(s).", list.Out, StringComparison.Ordinal);

        var noWard = await Run("officers", "add", "--telegram-id", "5", "--name", "X", "--role", "officer");
        Assert.Equal((2, "error: --ward is required for an officer"), (noWard.Code, noWard.Err.Split('\n')[0].Trim()));
        var badRole = await Run("officers", "add", "--telegram-id", "5", "--name", "X", "--role", "boss");
        Assert.Contains("--role must be admin or officer", badRole.Err, StringComparison.Ordinal);
        var unknownWard = await Run("officers", "add", "--telegram-id", "5", "--name", "X", "--role", "officer", "--ward", "Ba Đình");
        Assert.Contains("no ward or commune 'Ba Đình'", unknownWard.Err, StringComparison.Ordinal);
        var unknown = await Run("officers", "remove", "--telegram-id", "999");
        Assert.Equal(2, unknown.Code);

        var removed = await Run("officers", "remove", "--telegram-id", "424242");
        Assert.Equal(0, removed.Code);
        Assert.Contains("0 officer(s).", (await Run("officers", "list")).Out, StringComparison.Ordinal);
        Assert.Contains("officers add --telegram-id ID", (await Run("officers", "add", "--help")).Out, StringComparison.Ordinal);
    }
}
