using System.Net;
using Antq.Core.Officers;
using Antq.Testing;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>Signing in to the console with the bot's one-time link, and the session that follows.</summary>
public sealed class ConsoleSignInTests
{
    [Fact]
    public async Task The_console_without_a_session_says_exactly_how_to_get_a_link()
    {
        await using var bot = await TestBot.StartAsync();
        using var client = bot.Client();

        var page = await client.GetStringAsync("/console");

        Assert.Contains("Gửi lệnh /console.", page, StringComparison.Ordinal);
        Assert.Contains("mở đường dẫn đó trong vòng 10 phút", page, StringComparison.Ordinal);
        var tip = await client.GetAsync("/console/tips/ABCD2345");
        Assert.Equal(HttpStatusCode.Redirect, tip.StatusCode);
        Assert.Equal("/console", tip.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task A_resident_asking_for_a_console_link_gets_none()
    {
        await using var bot = await TestBot.StartAsync();
        var chat = bot.Chat(701_501);

        chat.Says("/console");

        var answer = await chat.NextAsync();
        Assert.DoesNotContain("/console/signin/", answer.Text, StringComparison.Ordinal);
        Assert.Empty(await bot.QueryAsync(db => Task.FromResult(db.ChannelSessions.ToList())));
    }

    [Fact]
    public async Task A_link_signs_in_once_opening_it_spends_nothing_and_a_used_or_expired_link_is_refused()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var link = await officer.AsksForLinkAsync();
        Assert.Matches("/console/signin/[A-Za-z0-9_-]{43}$", link);
        Assert.DoesNotContain(new Uri(link).Segments[^1], string.Join(",", await bot.QueryAsync(db => Task.FromResult(db.ChannelSessions.Select(s => s.CurrentHash).ToList()))), StringComparison.Ordinal);

        // A messenger previewing the link (a GET) does not use it up.
        using (var preview = bot.Client())
        {
            Assert.Equal(HttpStatusCode.OK, (await preview.GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        }

        using var first = bot.Client();
        var signedIn = await first.SignInAsync(link);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("Trung úy Hà", await first.GetStringAsync("/console"), StringComparison.Ordinal);

        using var second = bot.Client();
        var reused = await second.SignInAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("đã dùng rồi, đã hết hạn", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Trung úy Hà", await second.GetStringAsync("/console"), StringComparison.Ordinal);

        var late = await officer.AsksForLinkAsync();
        bot.Clock.Advance(TimeSpan.FromMinutes(11));
        using var third = bot.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await third.SignInAsync(late)).StatusCode);
        Assert.DoesNotContain("Trung úy Hà", await third.GetStringAsync("/console"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_link_replaces_the_one_before()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var older = await officer.AsksForLinkAsync();
        var newer = await officer.AsksForLinkAsync();

        using var client = bot.Client();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SignInAsync(older)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(newer)).StatusCode);
    }

    [Fact]
    public async Task Behind_the_proxy_the_session_cookie_is_secure_http_only_and_same_site()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var path = new Uri(await officer.AsksForLinkAsync()).PathAndQuery;

        // Cookies handled by hand, to read the Set-Cookie headers as the proxy passes them on.
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var form = await client.GetAsync(path);
        var formCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("antq-console-form=", StringComparison.Ordinal));
        Assert.Contains("secure", formCookie, StringComparison.OrdinalIgnoreCase);
        var token = System.Text.RegularExpressions.Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__form\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent([new("__form", token)]) };
        post.Headers.Add("Cookie", formCookie.Split(';')[0]);

        var signedIn = await client.SendAsync(post);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("antq-console=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        Assert.Contains("Trung úy Hà", await client.GetStringAsync("/console"), StringComparison.Ordinal);

        var signedOut = await client.PostFormAsync("/console", "/console/signout");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var page = await client.GetStringAsync("/console");
        Assert.DoesNotContain("Trung úy Hà", page, StringComparison.Ordinal);
        Assert.Contains("Phiên làm việc đã kết thúc", await client.GetStringAsync("/console?ended=1"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("removed")]
    [InlineData("ward")]
    [InlineData("role")]
    public async Task The_session_ends_at_once_when_the_officer_is_removed_or_their_ward_or_role_changes(string change)
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        var (_, code) = await bot.TipAsync(701_502, officer);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/console/tips/" + code)).StatusCode);

        await bot.QueryAsync(db =>
        {
            var registry = new OfficerRegistry(db, TimeProvider.System);
            return change switch
            {
                "removed" => registry.RemoveAsync("telegram", "881501", CancellationToken.None),
                "ward" => registry.AddAsync("telegram", "881501", "Trung úy Hà", OfficerRole.Officer, "dong-kinh", CancellationToken.None),
                _ => registry.AddAsync("telegram", "881501", "Trung úy Hà", OfficerRole.Admin, null, CancellationToken.None),
            };
        });

        var after = await client.GetAsync("/console/tips/" + code);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.DoesNotContain("Trung úy Hà", await client.GetStringAsync("/console"), StringComparison.Ordinal);
    }
}
