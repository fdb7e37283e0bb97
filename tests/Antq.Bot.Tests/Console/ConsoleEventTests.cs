using System.Globalization;
using System.Net;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Events;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The Events page: create, move and cancel as the chat does, the answers and reminders, and scope.</summary>
public sealed class ConsoleEventTests
{
    private const string Page = "/console/events";

    private static string Local(DateTime utc) => LocalTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static (string, string)[] NewEvent(DateTime start, string title = "Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng") =>
    [
        ("Form.Title", title), ("Form.Description", "Văn nghệ, trò chơi dân gian, tuyên truyền phòng chống ma tuý."),
        ("Form.Place", "Nhà văn hoá khối 2"), ("Form.Start", Local(start)), ("Form.End", Local(start.AddHours(3))),
        ("Form.Reminders", "1440"), ("Form.Reminders", "120"),
    ];

    [Fact]
    public async Task An_event_created_moved_and_cancelled_from_the_console_tells_the_residents_as_the_chat_does_and_shows_their_answers()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await bot.FollowersAsync(Topics.Events, [701_701, 701_702]);
        var (coming, notComing) = (bot.Chat(701_701), bot.Chat(701_702));
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var start = bot.Clock.GetUtcNow().UtcDateTime.AddDays(10);

        var created = await client.PostFormAsync(Page, Page + "?handler=Create", NewEvent(start));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Đã tạo sự kiện #1 và gửi thông báo đến 2 người", await client.GetStringAsync(Page), StringComparison.Ordinal);
        await coming.Sees("Ngày hội Toàn dân bảo vệ ANTQ phường Chi Lăng");
        coming.Taps("Tôi sẽ đến");
        await coming.Sees("Đã ghi nhận bạn sẽ đến");
        await notComing.Sees("Ngày hội Toàn dân");
        notComing.Taps("Không đến được");
        await notComing.Sees("Đã ghi nhận bạn không đến được");

        var page = await client.GetStringAsync(Page);
        Assert.Contains("data-answers=\"1/1\"", page, StringComparison.Ordinal);
        Assert.Contains("1 sẽ đến · 1 không đến", page, StringComparison.Ordinal);
        Assert.Contains("đã gửi 0/2 lần nhắc (1 ngày, 2 giờ)", page, StringComparison.Ordinal);

        var moved = await client.PostFormAsync(Page, Page + "?handler=Move&id=1", ("start", Local(start.AddDays(1))), ("end", Local(start.AddDays(1).AddHours(2))));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        await coming.Sees("đã dời từ " + LocalTime.Format(start, "vi")[..5]);
        Assert.Equal(start.AddDays(1), await bot.QueryAsync(db => db.Events.Select(e => e.StartsAt).SingleAsync()), TimeSpan.FromMinutes(1));
        Assert.Contains("Đã dời sự kiện #1", await client.GetStringAsync(Page), StringComparison.Ordinal);

        var cancelled = await client.PostFormAsync(Page, Page + "?handler=Cancel&id=1");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        await coming.Sees("đã được huỷ");
        await notComing.SeesNothingFor(TimeSpan.FromMilliseconds(500));
        Assert.Equal(EventStatus.Cancelled, await bot.QueryAsync(db => db.Events.Select(e => e.Status).SingleAsync()));
        var after = await client.GetStringAsync(Page);
        Assert.Contains("Đã huỷ sự kiện #1 và báo cho 1 người", after, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Cancelled\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_title_a_past_start_or_an_end_before_the_start_is_refused_with_a_clear_message()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var now = bot.Clock.GetUtcNow().UtcDateTime;

        var shortTitle = await client.PostFormAsync(Page, Page + "?handler=Create", NewEvent(now.AddDays(3), "Họ"));
        var past = await client.PostFormAsync(Page, Page + "?handler=Create", NewEvent(now.AddDays(-1)));
        var backwards = await client.PostFormAsync(Page, Page + "?handler=Create", [.. NewEvent(now.AddDays(3)).Where(f => f.Item1 != "Form.End"), ("Form.End", Local(now.AddDays(2)))]);

        Assert.All([shortTitle, past, backwards], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("Tên sự kiện: xin viết ít nhất 3 ký tự.", await shortTitle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Thời điểm bắt đầu", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Thời điểm kết thúc phải sau thời điểm bắt đầu.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task Another_wards_event_is_not_listed_and_answers_404_to_move_and_cancel()
    {
        await using var bot = await TestBot.StartAsync();
        var own = await bot.WardOfficerAsync();
        var other = await bot.WardOfficerAsync(881_712, "dong-kinh");
        using var mine = bot.Client();
        await mine.SignInAsync(await own.AsksForLinkAsync());
        var start = bot.Clock.GetUtcNow().UtcDateTime.AddDays(5);
        await mine.PostFormAsync(Page, Page + "?handler=Create", NewEvent(start));
        using var outsider = bot.Client();
        await outsider.SignInAsync(await other.AsksForLinkAsync());

        Assert.DoesNotContain("Ngày hội Toàn dân bảo vệ ANTQ", await outsider.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Page + "?handler=Cancel&id=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Page + "?handler=Move&id=1", ("start", Local(start.AddDays(1))), ("end", Local(start.AddDays(1).AddHours(1))))).StatusCode);
        var row = await bot.QueryAsync(db => db.Events.SingleAsync());
        Assert.Equal((EventStatus.Scheduled, start.Ticks / TimeSpan.TicksPerMinute), (row.Status, row.StartsAt.Ticks / TimeSpan.TicksPerMinute));

        // An officer's event is in their own ward, whatever the form says.
        await outsider.PostFormAsync(Page, Page + "?handler=Create", [.. NewEvent(start, "Họp dân phường Đông Kinh"), ("Form.Ward", "chi-lang")]);
        Assert.Equal("dong-kinh", await bot.QueryAsync(db => db.Events.Where(e => e.Id == 2).Select(e => e.WardId).SingleAsync()));
    }
}
