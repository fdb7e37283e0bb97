using System.Net;
using System.Text.Json;
using Antq.Bot.Channels.WebChat;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Antq.Bot.Tests.Channels.WebChat;

/// <summary>What visitors upload cannot fill the disk: taken only when asked for, within quotas, swept when unused.</summary>
public sealed class WebChatUploadTests
{
    [Fact]
    public async Task A_photo_posted_at_a_step_that_asks_for_none_is_refused_and_nothing_is_stored()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");

        // The attack seen: a fresh cookie that never started a conversation posts photos.
        using var stranger = await bot.WebVisitorAsync();
        for (var i = 0; i < 3; i++)
        {
            var refused = await stranger.Http.SendAsync(stranger.PhotoPost(TestImages.Jpeg(400, 300)));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("photo_not_asked", body.GetProperty("error").GetString());
            Assert.Contains("Bước này chưa cần ảnh", body.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("No photo is asked for at this step", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // Nor at the main menu, nor in a flow whose step wants text.
        using var resident = await bot.WebVisitorAsync();
        await resident.ToWardStepAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await resident.Http.SendAsync(resident.PhotoPost(TestImages.Jpeg()))).StatusCode);
        await resident.FinishesSignUpAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await resident.Http.SendAsync(resident.PhotoPost(TestImages.Jpeg()))).StatusCode);

        Assert.Empty(Uploads(bot));
        Assert.Equal(0, await bot.QueryAsync(db => db.Inbox.CountAsync(i => i.Payload != null && i.Payload.Contains("webchat:"))));

        // The page says why, in the visitor's language.
        var sending = await (await resident.Http.GetAsync(new Uri("/chat/chat-send.js", UriKind.Relative))).Content.ReadAsStringAsync();
        var words = await (await resident.Http.GetAsync(new Uri("/chat/chat-strings.js", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("'photo_not_asked' ? ['photoNotAsked'", sending, StringComparison.Ordinal);
        Assert.Contains("photoNotAsked: 'Bước này chưa cần ảnh.", words, StringComparison.Ordinal);
        Assert.Contains("photoNotAsked: 'No photo is needed at this step.", words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visitor_is_held_to_their_hourly_quota_and_may_send_again_an_hour_later()
    {
        var photo = TestImages.Jpeg();
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
            s["WebChat:MaxPhotoBytes"] = "2048";
            s["WebChat:Uploads:PerVisitorBytesPerHour"] = "2048";
            s["Conversations:IdleTimeout"] = "05:00:00";
        });
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(photo))).StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(photo))).StatusCode);
        await visitor.Sees("Đã nhận 2/5 tệp");

        var over = await visitor.Http.SendAsync(visitor.PhotoPost(photo));

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("upload_quota", JsonDocument.Parse(await over.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.InRange(over.Headers.RetryAfter?.Delta?.TotalMinutes ?? 0, 55, 60);
        Assert.Equal(2, Uploads(bot).Length);

        // Another visitor is not held by this one's quota.
        using var other = await bot.WebVisitorAsync();
        await other.ToWardStepAsync();
        await other.FinishesSignUpAsync();
        await other.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await other.Http.SendAsync(other.PhotoPost(photo))).StatusCode);

        bot.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(photo))).StatusCode);
        await visitor.Sees("Đã nhận 3/5 tệp");
    }

    [Fact]
    public async Task All_visitors_together_are_held_to_the_hourly_and_the_folder_limits()
    {
        var photo = TestImages.Jpeg();
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
            s["WebChat:MaxPhotoBytes"] = "2048";
            s["WebChat:Uploads:BytesPerHour"] = "2048";
        });
        var visitors = new List<WebChatScript>();
        for (var i = 0; i < 3; i++)
        {
            var visitor = await bot.WebVisitorAsync();
            visitors.Add(visitor);
            await visitor.ToWardStepAsync();
            await visitor.FinishesSignUpAsync();
            await visitor.ToTipMediaStepAsync();
        }

        Assert.Equal(HttpStatusCode.Accepted, (await visitors[0].Http.SendAsync(visitors[0].PhotoPost(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await visitors[1].Http.SendAsync(visitors[1].PhotoPost(photo))).StatusCode);
        var full = await visitors[2].Http.SendAsync(visitors[2].PhotoPost(photo));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.Equal("uploads_full", JsonDocument.Parse(await full.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
        Assert.NotNull(full.Headers.RetryAfter);
        Assert.Equal(2, Uploads(bot).Length);
        visitors.ForEach(v => v.Dispose());
    }

    [Fact]
    public async Task The_uploads_folder_never_grows_past_its_limit()
    {
        var photo = TestImages.Jpeg();
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
            s["WebChat:MaxPhotoBytes"] = "2048";
            s["WebChat:Uploads:MaxFolderBytes"] = "2048";
        });
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(photo))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(photo))).StatusCode);

        var full = await visitor.Http.SendAsync(visitor.PhotoPost(photo));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.True(Uploads(bot).Sum(f => new FileInfo(f).Length) <= 2048);
    }

    [Fact]
    public async Task Unused_uploads_are_swept_after_a_few_hours_and_those_a_tip_or_a_live_flow_holds_are_kept()
    {
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["WebChat:RateLimit:PerVisitorPerMinute"] = "600";
            s["Conversations:IdleTimeout"] = "05:00:00";
        });
        async Task<WebChatScript> AtFilesStepWithAPhotoAsync()
        {
            var visitor = await bot.WebVisitorAsync();
            await visitor.ToWardStepAsync();
            await visitor.FinishesSignUpAsync();
            await visitor.ToTipMediaStepAsync();
            Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(TestImages.Jpeg()))).StatusCode);
            await visitor.Sees("Đã nhận 1/5 tệp");
            return visitor;
        }

        using var tipster = await AtFilesStepWithAPhotoAsync();
        await tipster.SendsAnonymousTipAsync();
        var sent = Uploads(bot).Single();
        using var quitter = await AtFilesStepWithAPhotoAsync();
        await quitter.Says("/cancel");
        await quitter.Sees("Đã dừng");
        var abandoned = Uploads(bot).Single(f => f != sent);
        using var writer = await AtFilesStepWithAPhotoAsync();
        var drafted = Uploads(bot).Single(f => f != sent && f != abandoned);
        var sweep = bot.Services.GetServices<IHostedService>().OfType<WebChatUploadSweep>().Single();

        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        bot.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));

        Assert.Equal(new[] { drafted, sent }.Order(), Uploads(bot).Order());
        Assert.False(File.Exists(abandoned));
    }

    [Fact]
    public async Task A_PNG_with_text_chunks_is_stored_with_its_pixels_only()
    {
        await using var bot = await TestBot.StartAsync(s => s["WebChat:RateLimit:PerVisitorPerMinute"] = "600");
        using var visitor = await bot.WebVisitorAsync();
        await visitor.ToWardStepAsync();
        await visitor.FinishesSignUpAsync();
        await visitor.ToTipMediaStepAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await visitor.Http.SendAsync(visitor.PhotoPost(TestImages.PngWithText(), "image/png"))).StatusCode);
        await visitor.Sees("Đã nhận 1/5 tệp");

        var stored = await File.ReadAllBytesAsync(Uploads(bot).Single());
        Assert.Empty(TestImages.MetadataIn(stored));
        Assert.Equal("40×20, red left, blue right", TestImages.Describe(stored));
    }

    private static string[] Uploads(TestBot bot)
    {
        var folder = Path.Combine(bot.Folder, "webchat-uploads");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }
}
