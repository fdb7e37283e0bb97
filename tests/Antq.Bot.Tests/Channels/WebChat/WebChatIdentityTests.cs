using System.Net;
using System.Text.Json;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>Who a browser is: only identities the server issued and signed, renewed when the visitor steps up.</summary>
public sealed class WebChatIdentityTests
{
    private static readonly Uri Chat = new("/chat", UriKind.Relative);

    [Fact]
    public async Task A_made_up_or_tampered_cookie_is_refused_and_the_browser_gets_a_new_one_from_the_server()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        var genuine = CookieOf(visitor);
        var parts = genuine.Split('.');

        string[] forged =
        [
            "Y2hvc2VuLWJ5LXRoZS1hdHRhY2tlci0wMTIzNDU2Nzg", // any 43 characters: what was accepted before
            string.Join('.', parts[0], parts[1], parts[2], Altered(parts[3])), // the signature altered
            string.Join('.', parts[0], parts[1], "2", parts[3]), // the stage raised to officer
            string.Join('.', Altered(parts[0]), parts[1], parts[2], parts[3]), // the secret altered
        ];
        foreach (var value in forged)
        {
            using var attacker = Browser(bot, value);
            using var poll = await attacker.GetAsync(new Uri("/chat/messages?after=0", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);

            using var session = await attacker.GetAsync(new Uri("/chat/session", UriKind.Relative));
            var issued = IssuedCookie(session);
            Assert.NotNull(issued);
            Assert.NotEqual(value, issued);
            Assert.Equal(0, (await SessionAsync(session)).GetProperty("messages").GetArrayLength());

            using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/messages", UriKind.Relative)) { Content = JsonContent("{\"text\":\"/start\"}") };
            post.Headers.Add("X-Antq-Token", visitor.Token);
            Assert.Equal(HttpStatusCode.Forbidden, (await attacker.SendAsync(post)).StatusCode);
        }

        // The genuine cookie still opens its own conversation.
        Assert.Contains(await visitor.ReloadAsync(), m => m.Text.Contains("phường, xã nào", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Consent_and_an_officers_sign_in_each_give_a_new_cookie_and_the_one_from_before_no_longer_opens_the_conversation()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        var planted = CookieOf(visitor);
        await visitor.Says("/start");
        await visitor.Sees("ngôn ngữ");
        await visitor.Taps("Tiếng Việt");
        await visitor.Sees("Bạn có đồng ý không?");
        Assert.Equal(planted, CookieOf(visitor));

        await visitor.Taps("Tôi đồng ý");
        var consented = CookieOf(visitor);
        Assert.NotEqual(planted, consented);
        Assert.Contains("Cảm ơn", (await visitor.Sees("phường, xã nào")).Text, StringComparison.Ordinal);

        // Whoever knew the value from before consent (planted it, or read it) is a stranger now.
        using (var attacker = Browser(bot, planted))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync(new Uri("/chat/messages?after=0", UriKind.Relative))).StatusCode);
            using var session = await attacker.GetAsync(new Uri("/chat/session", UriKind.Relative));
            Assert.NotEqual(planted, IssuedCookie(session));
            Assert.Equal(0, (await SessionAsync(session)).GetProperty("messages").GetArrayLength());
            using var consent = new HttpRequestMessage(HttpMethod.Post, new Uri("/chat/messages", UriKind.Relative)) { Content = JsonContent("{\"button\":\"consent:yes\",\"messageId\":\"1\"}") };
            consent.Headers.Add("X-Antq-Token", visitor.Token);
            Assert.Equal(HttpStatusCode.Forbidden, (await attacker.SendAsync(consent)).StatusCode);
        }

        // The conversation carried over to the new value: the page shows it from the start, sign-up goes on.
        Assert.Contains(await visitor.ReloadAsync(), m => m.Text.Contains("ngôn ngữ", StringComparison.Ordinal));
        await visitor.FinishesSignUpAsync();
        Assert.Equal(1, await bot.QueryAsync(db => db.Residents.CountAsync()));

        var (code, _) = await bot.QueryAsync(db => new OfficerRegistry(db, TimeProvider.System).InviteAsync(OfficerRole.Officer, "chi-lang", CancellationToken.None));
        await visitor.Says($"/join {code} Trung úy Hà");
        var officer = CookieOf(visitor);
        Assert.NotEqual(consented, officer);
        Assert.Equal("2", officer.Split('.')[2]);
        await visitor.Sees("Chào đồng chí Trung úy Hà!");
        using (var before = Browser(bot, consented))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync(new Uri("/chat/messages?after=0", UriKind.Relative))).StatusCode);
        }

        await visitor.Says("/tips");
        await visitor.Sees("Không có tin báo nào đang mở");
    }

    [Fact]
    public async Task Over_HTTPS_from_a_known_proxy_the_cookie_is_Secure_and_Host_prefixed_and_not_when_the_proxy_is_unknown()
    {
        await using (var bot = await TestBot.StartAsync())
        {
            using var browser = Browser(bot, null, ("X-Forwarded-Proto", "https"));
            using var page = await browser.GetAsync(Chat);
            var cookie = page.Headers.GetValues("Set-Cookie").Single();
            Assert.StartsWith("__Host-antq_visitor=", cookie, StringComparison.Ordinal);
            Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

            // Over HTTPS the cookie without the prefix (which a neighbour site could set) is not read.
            var value = cookie.Split(';')[0].Split('=', 2)[1];
            using var withPrefix = Browser(bot, null, ("X-Forwarded-Proto", "https"), ("Cookie", "__Host-antq_visitor=" + value));
            using var withoutPrefix = Browser(bot, null, ("X-Forwarded-Proto", "https"), ("Cookie", "antq_visitor=" + value));
            Assert.Equal(HttpStatusCode.OK, (await withPrefix.GetAsync(new Uri("/chat/messages?after=0", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await withoutPrefix.GetAsync(new Uri("/chat/messages?after=0", UriKind.Relative))).StatusCode);
        }

        // The proxy is elsewhere: a client on this machine saying "https" is not believed.
        await using (var bot = await TestBot.StartAsync(s => s["Http:KnownProxies"] = "10.20.30.40"))
        {
            using var browser = Browser(bot, null, ("X-Forwarded-Proto", "https"));
            using var page = await browser.GetAsync(Chat);
            var cookie = page.Headers.GetValues("Set-Cookie").Single();
            Assert.StartsWith("antq_visitor=", cookie, StringComparison.Ordinal);
            Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string CookieOf(WebChatScript visitor) =>
        visitor.Cookies.GetAllCookies().Single(c => c.Name == "antq_visitor").Value;

    /// <summary>A client that sends exactly the given cookie and headers, and keeps nothing.</summary>
    private static HttpClient Browser(TestBot bot, string? cookie, params (string Name, string Value)[] headers)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };
        if (cookie is not null)
        {
            http.DefaultRequestHeaders.Add("Cookie", "antq_visitor=" + cookie);
        }

        foreach (var (name, value) in headers)
        {
            http.DefaultRequestHeaders.Add(name, value);
        }

        return http;
    }

    private static string? IssuedCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Single().Split(';')[0].Split('=', 2)[1] : null;

    private static async Task<JsonElement> SessionAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>The part with its first character changed (to one it was not, so the forgery always differs).</summary>
    private static string Altered(string part) => (part[0] == 'A' ? 'B' : 'A') + part[1..];
}
