using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Channels;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Channels.Zalo;

/// <summary>Broadcasts to residents on Zalo beside Telegram, within Zalo's 7-day window.</summary>
public sealed class ZaloBroadcastTests
{
    private static async Task SeedAsync(TestBot bot, params (string Channel, string Id, TimeSpan? LastWrote)[] residents)
    {
        var now = bot.Clock.GetUtcNow().UtcDateTime;
        await bot.QueryAsync(db =>
        {
            foreach (var (channel, id, lastWrote) in residents)
            {
                db.Residents.Add(new Resident
                {
                    Channel = channel,
                    ExternalUserId = id,
                    ChatId = id,
                    Language = "vi",
                    WardId = "chi-lang",
                    UnitId = "chi-lang-k1",
                    Topics = Topics.Security,
                    ConsentedAt = now,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                if (lastWrote is { } ago)
                {
                    db.ChatActivity.Add(new ChatActivity { Channel = channel, ChatId = id, LastInboundAt = now - ago });
                }
            }

            return db.SaveChangesAsync();
        });
    }

    private static async Task BroadcastAsync(ChatScript officer, int recipients)
    {
        await officer.ComposeForWardAsync("Tuyên truyền: khoá cửa, khoá xe cẩn thận trước khi ra khỏi nhà.", "Tuyên truyền");
        officer.Taps("Gửi ngay");
        await officer.ConfirmAsync("khoá cửa");
        await officer.Sees($"Đang gửi tin #1 đến {recipients} người");
    }

    [Fact]
    public async Task A_broadcast_to_a_mixed_Telegram_and_Zalo_audience_reaches_both_and_counts_who_Zalo_will_not_take_now()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = bot.Zalo!;
        var officer = await bot.OfficerAsync(891_001, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(
            bot,
            ("telegram", "891101", null),
            ("telegram", "891102", null),
            ("zalo", "z-wrote-yesterday", TimeSpan.FromDays(1)),
            ("zalo", "z-wrote-today", TimeSpan.FromHours(1)),
            ("zalo", "z-wrote-this-week", TimeSpan.FromDays(3)),
            ("zalo", "z-wrote-8-days-ago", TimeSpan.FromDays(8)),
            ("zalo", "z-refused-by-zalo", TimeSpan.FromDays(6)));
        zalo.FailNextSend(-230, userId: "z-refused-by-zalo");

        await BroadcastAsync(officer, recipients: 7);

        await bot.Chat(891_101).Sees("khoá cửa");
        await bot.Chat(891_102).Sees("khoá cửa");
        await bot.ZaloUser("z-wrote-yesterday").Sees("khoá cửa");
        await bot.ZaloUser("z-wrote-today").Sees("khoá cửa");
        await bot.ZaloUser("z-wrote-this-week").Sees("khoá cửa");
        var report = await officer.Sees("Đã gửi xong tin #1: 5 người nhận được, 0 người đã chặn bot, 0 lỗi (trên tổng 7).");
        Assert.Contains("📵 2 người dùng Zalo chưa nhận được lúc này", report.Text, StringComparison.Ordinal);

        // Outside the window nothing is even tried; inside it, Zalo's -230 is taken at its word.
        Assert.DoesNotContain(zalo.Sent, s => s.UserId == "z-wrote-8-days-ago");
        Assert.Equal(-230, Assert.Single(zalo.Sent, s => s.UserId == "z-refused-by-zalo").Error);
        var statuses = await bot.QueryAsync(db => db.Outbox.Where(o => o.BroadcastId == 1).ToDictionaryAsync(o => o.ChatId, o => o.Status));
        Assert.Equal(DeliveryStatus.NotReachable, statuses["z-wrote-8-days-ago"]);
        Assert.Equal(DeliveryStatus.NotReachable, statuses["z-refused-by-zalo"]);
        Assert.Equal(DeliveryStatus.Sent, statuses["z-wrote-yesterday"]);
        Assert.Equal(DeliveryStatus.Sent, statuses["891101"]);
        Assert.All(await bot.QueryAsync(db => db.Residents.Select(r => r.Status).ToListAsync()), s => Assert.Equal(ResidentStatus.Active, s));

        // Several Zalo chats were sent to at once with no token yet: one refresh served them all.
        Assert.Equal([FakeZaloApi.FirstRefreshToken], zalo.Refreshes.Select(r => r.RefreshToken));
    }

    [Fact]
    public async Task A_broadcasts_Telegram_photo_is_uploaded_to_Zalo_once_and_shown_to_every_Zalo_resident()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var zalo = bot.Zalo!;
        var officer = await bot.OfficerAsync(891_201, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        await SeedAsync(bot, ("telegram", "891301", null), ("zalo", "zp-one", TimeSpan.FromHours(2)), ("zalo", "zp-two", TimeSpan.FromDays(2)));

        officer.Says("/broadcast");
        await officer.Sees("Soạn tin gửi người dân");
        officer.Send(UpdateFactory.Photo(bot.NextUpdateId(), officer.Id, "Ảnh đối tượng lừa đảo qua mạng: không chuyển tiền cho người lạ."));
        await officer.Sees("Tin thuộc chủ đề nào?");
        officer.Taps("Tuyên truyền");
        await officer.Sees("Gửi đến: Phường Chi Lăng.");
        officer.Taps("Tiếp tục");
        await officer.Sees("Gửi khi nào?");
        officer.Taps("Gửi ngay");

        // The preview is one message: the photo, with the text and the summary as its caption and the buttons under it.
        var preview = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == officer.ChatId, ChatScript.Patience);
        Assert.Contains("Số người nhận (hiện tại): 3\n", preview.Field("caption"), StringComparison.Ordinal);
        Assert.Contains("bc:send", preview.JsonField("reply_markup")?.ToJsonString(), StringComparison.Ordinal);
        officer.Send(UpdateFactory.Button(bot.NextUpdateId(), officer.Id, "bc:send"));
        await officer.Sees("Đang gửi tin #1 đến 3 người");

        // Telegram gets the officer's file id as it is; Zalo gets the photo's bytes, uploaded once for both residents.
        var telegram = await bot.Api.WaitForCallAsync(c => c.Method == "sendPhoto" && c.ChatId == "891301", ChatScript.Patience);
        Assert.StartsWith("AgACAgUAAxkBAAI", telegram.Field("photo"), StringComparison.Ordinal);
        foreach (var user in new[] { "zp-one", "zp-two" })
        {
            var resident = bot.ZaloUser(user);
            var photo = await resident.NextAsync();
            await resident.Sees("lừa đảo");
            Assert.Equal("att-1", photo.ImageAttachmentId);
        }

        var upload = Assert.Single(zalo.Uploads);
        Assert.Equal(TestImages.Describe(bot.Api.FileContent("any")!), TestImages.Describe(upload.Bytes));
        await officer.Sees("Đã gửi xong tin #1: 3 người nhận được");
    }

    [Fact]
    public async Task When_a_Zalo_user_last_wrote_is_kept_only_as_long_as_the_window_needs_it()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        await SeedAsync(bot, ("zalo", "zl-recent", TimeSpan.FromDays(6)), ("zalo", "zl-old", TimeSpan.FromDays(9)));

        await bot.RunRetentionAsync();

        var kept = await bot.QueryAsync(db => db.ChatActivity.Select(a => a.ChatId).ToListAsync());
        Assert.Equal(["zl-recent"], kept);
    }

    [Fact]
    public async Task Unfollowing_marks_the_resident_left_and_following_again_brings_them_back()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = await bot.ZaloSignedUpAsync("3001");

        await user.Unfollows();
        await WaitForStatusAsync(bot, ResidentStatus.Left);

        await user.Follows();
        await user.Sees("Bạn cần gì?");
        await WaitForStatusAsync(bot, ResidentStatus.Active);
    }

    private static async Task WaitForStatusAsync(TestBot bot, ResidentStatus wanted)
    {
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        while (await bot.QueryAsync(db => db.Residents.Select(r => r.Status).SingleAsync()) != wanted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The resident never became {wanted}.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_reply_inside_the_window_goes_and_after_seven_quiet_days_a_reminder_is_not_reachable()
    {
        await using var bot = await TestBot.StartWithZaloAsync();
        var user = await bot.ZaloSignedUpAsync("3002");

        bot.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await bot.QueryAsync(db =>
        {
            OutboxRows.Queue(db, "zalo", "3002", "Nhắc lịch: Ngày hội ngày mai.", DeliveryPriority.Reminder, bot.Clock.GetUtcNow().UtcDateTime);
            return db.SaveChangesAsync();
        });
        bot.Services.GetRequiredService<DeliverySignal>().Notify();

        await WaitForOutboxAsync(bot, DeliveryStatus.NotReachable);
        await user.SeesNothingFor(TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain(bot.Zalo!.Sent, s => s.Text.Contains("Nhắc lịch", StringComparison.Ordinal));

        // Writing again opens the window: the answer goes.
        await user.Says("/help");
        await user.Sees("/tip");
    }

    private static async Task WaitForOutboxAsync(TestBot bot, DeliveryStatus wanted)
    {
        var deadline = DateTime.UtcNow + ChatScript.Patience;
        while (!await bot.QueryAsync(db => db.Outbox.AnyAsync(o => o.Priority == DeliveryPriority.Reminder && o.Status == wanted)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reminder never became {wanted}.");
            await Task.Delay(100);
        }
    }
}
