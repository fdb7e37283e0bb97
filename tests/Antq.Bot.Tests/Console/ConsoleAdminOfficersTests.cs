using System.Net;
using System.Text.RegularExpressions;
using Antq.Bot.Tests.Tips;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>/console/admin/officers: admins only; add, change, remove officers and make invitation codes.</summary>
public sealed partial class ConsoleAdminOfficersTests
{
    private const string Page = "/console/admin/officers";

    [Fact]
    public async Task An_officer_gets_404_for_every_admin_page_read_or_posted_and_no_admin_link()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await bot.WardOfficerAsync(881_702);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var colleagueId = await bot.QueryAsync(db => db.Officers.Where(o => o.ExternalUserId == "881702").Select(o => o.Id).SingleAsync());

        foreach (var page in new[] { "/console/admin/officers", "/console/admin/audit", "/console/admin/status" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).StatusCode);
        }

        // With a valid form token (from a page the officer may open), the admin's actions still do not exist.
        var remove = await client.PostFormAsync("/console", "/console/admin/officers?handler=Remove", ("officer", colleagueId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var add = await client.PostFormAsync("/console", "/console/admin/officers?handler=Add", ("channel", "telegram"), ("id", "881799"), ("name", "Kẻ mạo danh"), ("role", "Admin"));
        var invite = await client.PostFormAsync("/console", "/console/admin/officers?handler=Invite", ("role", "Admin"));

        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invite.StatusCode);
        Assert.Equal(2, await bot.QueryAsync(db => db.Officers.CountAsync()));
        Assert.Equal(0, await bot.QueryAsync(db => db.OfficerInvitations.CountAsync()));
        Assert.DoesNotContain("/console/admin", await client.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_adds_an_officer_by_channel_and_id_who_can_then_sign_in_and_a_wrong_id_is_refused()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await AdminClientAsync(bot);

        var wrong = await admin.PostFormAsync(Page, Page + "?handler=Add", ("channel", "telegram"), ("id", "@minh"), ("name", "Thiếu uý Minh"), ("role", "Officer"), ("ward", "chi-lang"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mã tài khoản không đúng dạng", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noWard = await admin.PostFormAsync(Page, Page + "?handler=Add", ("channel", "telegram"), ("id", "881777"), ("name", "Thiếu uý Minh"), ("role", "Officer"));
        Assert.Equal(HttpStatusCode.BadRequest, noWard.StatusCode);
        var noSuchRole = await admin.PostFormAsync(Page, Page + "?handler=Add", ("channel", "telegram"), ("id", "881777"), ("name", "Thiếu uý Minh"), ("role", "7"), ("ward", "chi-lang"));
        Assert.Equal(HttpStatusCode.BadRequest, noSuchRole.StatusCode);
        Assert.Equal(1, await bot.QueryAsync(db => db.Officers.CountAsync()));

        var added = await admin.PostFormAsync(Page, Page + "?handler=Add", ("channel", "telegram"), ("id", "881777"), ("name", "Thiếu uý Minh"), ("role", "Officer"), ("ward", "chi-lang"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var list = await admin.GetStringAsync(Page);
        Assert.Contains("Đã thêm Thiếu uý Minh.", list, StringComparison.Ordinal);
        Assert.Contains("data-officer=\"telegram:881777\"", list, StringComparison.Ordinal);
        var row = await bot.QueryAsync(db => db.Officers.SingleAsync(o => o.ExternalUserId == "881777"));
        Assert.Equal((OfficerRole.Officer, "chi-lang"), (row.Role, row.WardId));
        using var minh = bot.Client();
        await minh.SignInAsync(await bot.Chat(881_777).AsksForLinkAsync());
        Assert.Contains("Thiếu uý Minh", await minh.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Remove")]
    [InlineData("ward")]
    [InlineData("role")]
    public async Task Removing_an_officer_or_changing_their_ward_or_role_on_the_admin_page_signs_them_out_at_their_next_request(string change)
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_702, officer);
        using var session = bot.Client();
        await session.SignInAsync(await officer.AsksForLinkAsync());
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/console/tips/" + code)).StatusCode);
        using var admin = await AdminClientAsync(bot);
        var id = (await bot.QueryAsync(db => db.Officers.Where(o => o.ExternalUserId == "881501").Select(o => o.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var done = change switch
        {
            "Remove" => await admin.PostFormAsync(Page, Page + "?handler=Remove", ("officer", id)),
            "ward" => await admin.PostFormAsync(Page, Page + "?handler=Change", ("officer", id), ("role", "Officer"), ("ward", "dong-kinh")),
            _ => await admin.PostFormAsync(Page, Page + "?handler=Change", ("officer", id), ("role", "Admin"), ("ward", "")),
        };

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var next = await session.GetAsync("/console/tips/" + code);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.DoesNotContain("Trung úy Hà", await session.GetStringAsync("/console"), StringComparison.Ordinal);
        var after = await bot.QueryAsync(db => db.Officers.SingleOrDefaultAsync(o => o.ExternalUserId == "881501"));
        Assert.Equal(change switch { "Remove" => null, "ward" => "dong-kinh", _ => (string?)null }, after?.WardId);
        Assert.Equal(change == "Remove", after is null);
    }

    [Fact]
    public async Task An_invitation_code_from_the_admin_page_lets_a_new_officer_join_from_the_chat_and_an_admin_cannot_remove_themselves()
    {
        await using var bot = await TestBot.StartAsync();
        using var admin = await AdminClientAsync(bot);

        var invited = await admin.PostFormAsync(Page, Page + "?handler=Invite", ("role", "Officer"), ("ward", "dong-kinh"));

        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var code = InvitationCode().Match(await admin.GetStringAsync(Page)).Groups[1].Value;
        Assert.NotEmpty(code);
        var newcomer = bot.Chat(881_788);
        newcomer.Says($"/join {code} Thiếu uý Bình");
        await newcomer.Sees("Chào đồng chí Thiếu uý Bình");
        var joined = await bot.QueryAsync(db => db.Officers.SingleAsync(o => o.ExternalUserId == "881788"));
        Assert.Equal((OfficerRole.Officer, "dong-kinh"), (joined.Role, joined.WardId));
        var adminId = await bot.QueryAsync(db => db.Officers.Where(o => o.Role == OfficerRole.Admin).Select(o => o.Id).SingleAsync());
        Assert.Equal(adminId, await bot.QueryAsync(db => db.OfficerInvitations.Select(i => i.CreatedByOfficerId).SingleAsync()));

        var self = await admin.PostFormAsync(Page, Page + "?handler=Remove", ("officer", adminId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.True(await bot.QueryAsync(db => db.Officers.AnyAsync(o => o.Id == adminId)));
    }

    /// <summary>Thiếu tá Lan, admin of the city, signed in to the console.</summary>
    internal static async Task<HttpClient> AdminClientAsync(TestBot bot)
    {
        var admin = await bot.OfficerAsync(881_713, "Thiếu tá Lan", OfficerRole.Admin, null);
        var client = bot.Client();
        await client.SignInAsync(await admin.AsksForLinkAsync());
        return client;
    }

    [GeneratedRegex(@"Mã mời: ([A-Z0-9]+)")]
    private static partial Regex InvitationCode();
}
