using System.Net;
using System.Text;
using System.Text.Json;
using Antq.Core.Officers;
using Antq.Bot.Tests.Tips;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>The web chat through the real host over HTTP, as a browser uses it.</summary>
public sealed class WebChatTests
{
    [Fact]
    public async Task A_visitor_signs_up_in_the_browser_and_reaches_the_main_menu()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();

        await visitor.Says("/start");
        await visitor.Sees("Bạn muốn trò chuyện bằng ngôn ngữ nào?");
        await visitor.Taps("Tiếng Việt");
        await visitor.Sees("Thông báo về dữ liệu cá nhân");
        await visitor.Taps("Tôi đồng ý");
        Assert.Contains("Cảm ơn bạn đã đồng ý.", (await visitor.Sees("Bạn đang sống ở phường, xã nào của Thành phố Lạng Sơn?")).Text, StringComparison.Ordinal);
        await visitor.Taps("Phường Hoàng Văn Thụ");
        var firstPage = await visitor.Sees("(trang 1/2)");
        await visitor.Taps("Trang sau");
        var secondPage = await visitor.Sees("(trang 2/2)");
        Assert.Equal(firstPage.Id, secondPage.Replaces);
        await visitor.Taps("Khối 14");
        var topics = await visitor.Sees("Bạn muốn nhận tin về những nội dung nào?");
        await visitor.Taps("An toàn giao thông");
        var toggled = await visitor.Sees("Bạn muốn nhận tin về những nội dung nào?");
        Assert.Equal(topics.Id, toggled.Replaces);
        Assert.Contains(toggled.Buttons, b => b.Label == "✅ An toàn giao thông");
        await visitor.Taps("Xong");
        var menu = await visitor.Sees("Khu vực: Khối 14, Phường Hoàng Văn Thụ\nNội dung theo dõi: An toàn giao thông");
        Assert.Equal(["📝 Gửi tin báo cho công an", "🔎 Tra cứu tin báo", "✍️ Ký cam kết", "📅 Sự kiện", "ℹ️ Thông tin, hỏi đáp, liên hệ", "⚙️ Cài đặt", "🔒 Dữ liệu của tôi"], menu.Buttons.Select(b => b.Label));

        // The pledge flow, or the closed campaign's notice once config/pledges.json's year is over.
        await visitor.Taps("Ký cam kết");
        await visitor.Sees("ký cam kết");

        var resident = await bot.QueryAsync(db => db.Residents.SingleAsync());
        Assert.Equal(("webchat", "vi", "hoang-van-thu", "hoang-van-thu-k14", Topics.Traffic), (resident.Channel, resident.Language, resident.WardId, resident.UnitId, resident.Topics));
        var cookie = visitor.Cookies.GetAllCookies().Single(c => c.Name == "antq_visitor");
        Assert.NotEqual(cookie.Value, resident.ChatId);
    }

    [Fact]
    public async Task A_reloaded_page_shows_the_conversation_with_edits_in_place()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        await SignUpAsync(visitor);

        var history = await visitor.ReloadAsync();

        Assert.Contains("Bạn muốn trò chuyện bằng ngôn ngữ nào?", history[0].Text, StringComparison.Ordinal);
        var topics = Assert.Single(history, m => m.Text.StartsWith("Bạn muốn nhận tin", StringComparison.Ordinal));
        Assert.Contains(topics.Buttons, b => b.Label == "✅ An toàn giao thông");
        Assert.Single(history, m => m.Text.Contains("(trang", StringComparison.Ordinal));
        Assert.Contains("Đăng ký xong", history[^1].Text, StringComparison.Ordinal);
        Assert.Contains(history[^1].Buttons, b => b.Label == "📝 Gửi tin báo cho công an");
        Assert.All(history, m => Assert.Null(m.Replaces));
    }

    [Fact]
    public async Task Answers_arrive_as_server_sent_events()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        using var stream = await visitor.Http.GetAsync(new Uri("/chat/events?after=0", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());

        await visitor.Says("/start");

        using var patience = new CancellationTokenSource(ChatScript.Patience);
        string? data = null;
        while (data is null && await reader.ReadLineAsync(patience.Token) is { } line)
        {
            data = line.StartsWith("data: ", StringComparison.Ordinal) ? line[6..] : null;
        }

        var message = JsonDocument.Parse(data!).RootElement;
        Assert.Contains("Bạn muốn trò chuyện bằng ngôn ngữ nào?", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("Tiếng Việt", message.GetProperty("buttons")[0][0].GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_script_tag_typed_by_a_visitor_comes_back_escaped()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();

        const string typed = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        await visitor.Says(typed);
        var answer = await visitor.Sees("Không tìm thấy phường, xã nào tên");

        Assert.Contains(typed, answer.Text, StringComparison.Ordinal);
        var raw = await visitor.Http.GetStringAsync(new Uri("/chat/messages?after=0", UriKind.Relative));
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", raw, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_post_is_refused_with_413_and_a_message()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();

        var response = await visitor.Http.SendAsync(visitor.Post(new { text = new string('a', 20_000) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 16 KB", await ErrorMessageAsync(response), StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_post_that_is_not_JSON_is_refused_with_415_and_a_message()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        var request = visitor.Post(new { });
        request.Content = new StringContent("text=/start", Encoding.UTF8, "application/x-www-form-urlencoded");

        var response = await visitor.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await ErrorMessageAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_is_checked_by_its_bytes_and_by_its_size()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:MaxPhotoBytes"] = "4096";
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
        });
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();

        var notAPhoto = await visitor.Http.SendAsync(visitor.PhotoPost(Encoding.ASCII.GetBytes("<html>not a photo</html>"), "image/png"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAPhoto.StatusCode);
        Assert.Contains("JPEG, PNG or WebP", await ErrorMessageAsync(notAPhoto), StringComparison.Ordinal);

        var tooBig = await visitor.Http.SendAsync(visitor.PhotoPost([.. Png, .. new byte[8192]], "image/png"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        var photo = await visitor.Http.SendAsync(visitor.PhotoPost(Png, "image/png"));
        Assert.Equal(HttpStatusCode.Accepted, photo.StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");
        Assert.Single(Directory.GetFiles(Path.Combine(bot.Folder, "webchat-uploads"), "*.png", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task The_visitor_cookie_is_HttpOnly_strict_and_random_and_a_new_cookie_is_a_new_resident()
    {
        await using var bot = await TestBot.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = bot.BaseAddress };
        var first = (await http.GetAsync(new Uri("/chat", UriKind.Relative))).Headers.GetValues("Set-Cookie").Single();
        var second = (await http.GetAsync(new Uri("/chat", UriKind.Relative))).Headers.GetValues("Set-Cookie").Single();

        Assert.Contains("httponly", first, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", first, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", first, StringComparison.OrdinalIgnoreCase); // plain http here; https adds Secure
        var (a, b) = (first.Split(';')[0].Split('=')[1], second.Split(';')[0].Split('=')[1]);
        Assert.NotEqual(a, b);
        Assert.Matches("^[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{22}\\.0\\.[A-Za-z0-9_-]{43}$", a); // 32 random bytes, a nonce, the stage, the signature

        using var one = await bot.WebVisitorAsync();
        using var two = await bot.WebVisitorAsync();
        await SignUpAsync(one);
        await two.Says("/start");
        await two.Sees("ngôn ngữ");
        Assert.DoesNotContain(two.Seen, m => m.Text.Contains("Bạn cần gì?", StringComparison.Ordinal));
        await SignUpAsync(two);

        Assert.Equal(2, await bot.QueryAsync(db => db.Residents.Select(r => r.ChatId).Distinct().CountAsync()));
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused()
    {
        await using var bot = await TestBot.StartAsync();
        using var visitor = await bot.WebVisitorAsync();
        using var other = await bot.WebVisitorAsync();

        var none = visitor.Post(new { text = "/start" });
        none.Headers.Remove("X-Antq-Token");
        var withoutToken = await visitor.Http.SendAsync(none);
        var stolen = visitor.Post(new { text = "/start" });
        stolen.Headers.Remove("X-Antq-Token");
        stolen.Headers.Add("X-Antq-Token", other.Token);
        var withOthersToken = await visitor.Http.SendAsync(stolen);

        Assert.Equal(HttpStatusCode.Forbidden, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withOthersToken.StatusCode);
        Assert.Contains("reload the page", await ErrorMessageAsync(withoutToken), StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task A_visitor_posting_too_fast_is_asked_to_wait()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "6");
        using var visitor = await bot.WebVisitorAsync();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await visitor.Http.SendAsync(visitor.Post(new { text = "xin chào " + i }));
            statuses.Add(response.StatusCode);
            refused = response.StatusCode == HttpStatusCode.TooManyRequests ? response : refused;
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("wait a few seconds", await ErrorMessageAsync(refused!), StringComparison.Ordinal);
        Assert.True(refused!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Without_a_bot_token_the_root_opens_the_chat_and_its_address_is_logged()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Telegram:BotToken"] = "";
            s["Logging:LogLevel:Antq.Bot.Channels.WebChat"] = "Information";
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };

        var root = await http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/chat", root.Headers.Location?.ToString());
        var page = await http.GetAsync(new Uri("/chat", UriKind.Relative));
        Assert.Contains("<script src=\"/chat/chat.js\">", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains(bot.Logs.Lines, l => l.Level == LogLevel.Information && l.Text == $"Web chat is on: open {bot.BaseAddress}chat in a browser to talk to the bot");
    }

    [Fact]
    public async Task The_web_chat_can_be_switched_off()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Telegram:BotToken"] = "";
            s["WebChat:Enabled"] = "false";
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bot.BaseAddress };

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/chat", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    internal static async Task SignUpAsync(WebChatScript visitor)
    {
        await visitor.ToWardStepAsync();
        await visitor.Taps("Phường Hoàng Văn Thụ");
        await visitor.Sees("(trang 1/2)");
        await visitor.Taps("Trang sau");
        await visitor.Sees("(trang 2/2)");
        await visitor.Taps("Khối 14");
        await visitor.Sees("Bạn muốn nhận tin");
        await visitor.Taps("An toàn giao thông");
        await visitor.Sees("Bạn muốn nhận tin");
        await visitor.Taps("Xong");
        await visitor.Sees("Khu vực");
    }

    [Fact]
    public async Task Erasing_a_visitor_erases_the_photos_they_attached()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(Png, "image/png"))).StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");
        var uploads = Path.Combine(bot.Folder, "webchat-uploads");
        Assert.Single(Directory.GetFiles(uploads, "*.png", SearchOption.AllDirectories));

        await visitor.Says("/delete_me");
        await visitor.Sees("Bạn có chắc muốn xoá");
        await visitor.Taps("Xoá dữ liệu của tôi");
        await visitor.Sees("Đã xoá toàn bộ dữ liệu của bạn.");

        Assert.Empty(Directory.GetFiles(uploads, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_visitors_tip_photo_reaches_a_Telegram_officer_without_its_metadata_and_the_officers_photo_shows_in_the_chat()
    {
        var officersPhoto = TestImages.Jpeg(30, 30);
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");
        bot.Api.FileContent = fileId => fileId.StartsWith("AgACAgUAAxkBAAI", StringComparison.Ordinal) ? officersPhoto : null;
        var officer = await bot.OfficerAsync(706_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(TestImages.JpegWithMetadata(orientation: 6)))).StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");
        var code = await visitor.SendsAnonymousTipAsync();

        // Telegram cannot use a web chat file id: the officer gets the photo uploaded, upright, with its pixels only
        // (no GPS, no camera, no owner), under a name that says nothing.
        await officer.Sees("Tin báo mới " + code);
        var photo = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        var upload = Assert.Single(photo.Files);
        Assert.Empty(TestImages.MetadataIn(upload.Content));
        Assert.Equal("20×40, red top, blue bottom", TestImages.Describe(upload.Content));
        Assert.Equal("tep-dinh-kem-1.jpg", upload.FileName);
        Assert.Contains(code, photo.Field("caption"), StringComparison.Ordinal);

        officer.Taps("Trả lời người báo");
        await officer.Sees("viết câu trả lời");
        officer.Send(UpdateFactory.Photo(bot.NextUpdateId(), officer.Id, "Có phải ngôi nhà này không?"));
        await officer.Sees("Đã gửi trả lời");

        // The officer's Telegram photo shows in the visitor's chat, served from this conversation only.
        var reply = await visitor.Sees("Có phải ngôi nhà này không?");
        Assert.Equal("photo", reply.Media?.Kind);
        Assert.Equal("/chat/media/", reply.Media!.Source[..12]);
        var shown = await visitor.Http.GetAsync(new Uri(reply.Media.Source, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Describe(officersPhoto), TestImages.Describe(await shown.Content.ReadAsByteArrayAsync()));

        using var stranger = await bot.WebVisitorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetAsync(new Uri(reply.Media.Source, UriKind.Relative))).StatusCode);
        using var noCookie = new HttpClient { BaseAddress = bot.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await noCookie.GetAsync(new Uri(reply.Media.Source, UriKind.Relative))).StatusCode);
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString() ?? "";
}
