using System.Net;
using Antq.Bot.Tests.Broadcasts;
using Antq.Bot.Tests.Tips;
using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The Broadcasts page: compose, preview with the count, confirm, progress, cancel, edit, and scope.</summary>
public sealed class ConsoleBroadcastTests
{
    private const string Page = "/console/broadcasts";

    private static (string, string)[] Compose(string text, string when = "now", string? at = null, string topic = "traffic") =>
        [("Form.Text", text), ("Form.Topic", topic), ("Form.Language", "all"), ("Form.When", when), ("Form.At", at ?? ""), ("Form.Repeat", "daily")];

    private static string Local(DateTime utc) => LocalTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_broadcast_composed_previewed_with_its_count_and_confirmed_reaches_the_residents_and_the_list_shows_it_finished()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await bot.FollowersAsync(Topics.Traffic, [701_601, 701_602, 701_603]);
        await bot.FollowersAsync(Topics.Fire, [701_604]);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        const string text = "Từ 1/12, đường Trần Đăng Ninh cấm xe tải từ 6 giờ đến 20 giờ.";

        var preview = await client.PostFormAsync(Page, Page + "?handler=Preview", Compose(text));
        var shown = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("<div class=\"bubble\">" + text + "</div>", shown, StringComparison.Ordinal);
        Assert.Contains("data-recipients=\"3\"", shown, StringComparison.Ordinal);
        Assert.Contains("3 người (tính đến lúc này)", shown, StringComparison.Ordinal);
        Assert.Contains("gửi ngay bây giờ", shown, StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));

        var sent = await client.PostFormAsync(Page, Page + "?handler=Send", Compose(text));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        foreach (var chat in new long[] { 701_601, 701_602, 701_603 })
        {
            await bot.Chat(chat).Sees("cấm xe tải");
        }

        await bot.Chat(701_604).SeesNothingFor(TimeSpan.Zero);
        await officer.Sees("Đang gửi tin #1 đến 3 người");
        await officer.Sees("Đã gửi xong tin #1");
        var list = await client.GetStringAsync(Page);
        Assert.Contains("data-status=\"Sent\"", list, StringComparison.Ordinal);
        Assert.Contains("Đã nhận: 3 · Đã chặn bot: 0 · Tạm thời không liên lạc được: 0 · Lỗi: 0 · Đang chờ: 0 · Tổng: 3", list, StringComparison.Ordinal);
        Assert.Contains("data-live=\"off\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_quiet_hours_the_preview_says_when_a_normal_broadcast_will_go_and_that_an_urgent_one_goes_now()
    {
        var local = TimeOnly.FromDateTime(LocalTime.ToLocal(DateTime.UtcNow));
        var (from, to) = (local.AddHours(-1), local.AddHours(2));
        await using var bot = await TestBot.StartAsync(s => s["Delivery:QuietHours"] = $"{from:HH:mm}-{to:HH:mm}");
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());

        var normal = await (await client.PostFormAsync(Page, Page + "?handler=Preview", Compose("Phòng chống lừa đảo qua mạng."))).Content.ReadAsStringAsync();
        var urgent = await (await client.PostFormAsync(Page, Page + "?handler=Preview", Compose("Cháy lớn ở chợ, tránh xa khu vực.", topic: "urgent"))).Content.ReadAsStringAsync();

        Assert.Contains($"bắt đầu gửi lúc {to:HH:mm}", normal, StringComparison.Ordinal);
        Assert.Contains("giờ nghỉ ban đêm", normal, StringComparison.Ordinal);
        Assert.Contains("gửi ngay bây giờ", urgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_a_too_long_or_a_past_broadcast_is_refused_with_a_clear_message_and_nothing_is_sent()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var past = bot.Clock.GetUtcNow().UtcDateTime.AddHours(-2);

        var empty = await client.PostFormAsync(Page, Page + "?handler=Preview", Compose("   "));
        var tooLong = await client.PostFormAsync(Page, Page + "?handler=Send", Compose(new string('a', 3501)));
        var late = await client.PostFormAsync(Page, Page + "?handler=Send", Compose("Họp tổ dân phố tối nay.", "at", Local(past)));
        var noTime = await client.PostFormAsync(Page, Page + "?handler=Preview", Compose("Họp tổ dân phố tối nay.", "repeat"));

        Assert.All([empty, tooLong, late, noTime], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Contains("Đồng chí chưa viết nội dung tin.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Nội dung tin dài quá 3500 ký tự (hiện có 3501 ký tự).", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"Thời điểm {LocalTime.Format(past, "vi")[..5]}", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Xin nhập ngày và giờ gửi.", await noTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));
    }

    [Fact]
    public async Task A_scheduled_broadcast_can_be_edited_paused_resumed_and_cancelled_and_then_never_goes()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        await bot.FollowersAsync(Topics.Traffic, [701_611]);
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var at = bot.Clock.GetUtcNow().UtcDateTime.AddDays(2);

        var preview = await client.PostFormAsync(Page, Page + "?handler=Preview", Compose("Kiểm tra nồng độ cồn cuối tuần.", "at", Local(at)));
        Assert.Contains(LocalTime.Format(at, "vi"), await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var scheduled = await client.PostFormAsync(Page, Page + "?handler=Send", Compose("Kiểm tra nồng độ cồn cuối tuần.", "at", Local(at)));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var list = await client.GetStringAsync(Page);
        Assert.Contains("Đã hẹn gửi tin #1", list, StringComparison.Ordinal);
        Assert.Contains("data-status=\"Scheduled\"", list, StringComparison.Ordinal);

        var later = at.AddDays(1);
        var edited = await client.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", "Kiểm tra nồng độ cồn tối thứ Bảy."), ("at", Local(later)));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var row = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal("Kiểm tra nồng độ cồn tối thứ Bảy.", row.Text);
        Assert.Equal(Local(later), Local(row.ScheduledFor));

        await client.PostFormAsync(Page, Page + "?handler=Pause&id=1");
        Assert.Equal(BroadcastStatus.Paused, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));
        Assert.Contains("Tiếp tục tin #1", await client.GetStringAsync(Page), StringComparison.Ordinal);
        await client.PostFormAsync(Page, Page + "?handler=Resume&id=1");
        Assert.Equal(BroadcastStatus.Scheduled, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));

        var cancelled = await client.PostFormAsync(Page, Page + "?handler=Cancel&id=1");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BroadcastStatus.Cancelled, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));
        Assert.Contains("data-status=\"Cancelled\"", await client.GetStringAsync(Page), StringComparison.Ordinal);
        bot.Clock.Advance(TimeSpan.FromDays(4));
        await bot.Chat(701_611).SeesNothingFor(TimeSpan.FromSeconds(1.5));
    }

    [Fact]
    public async Task Another_wards_broadcast_is_not_listed_and_answers_404_to_cancel_and_edit_while_an_admin_sees_and_cancels_it()
    {
        await using var bot = await TestBot.StartAsync();
        var own = await bot.WardOfficerAsync();
        var other = await bot.WardOfficerAsync(881_612, "dong-kinh");
        var admin = await bot.OfficerAsync(881_613, "Thiếu tá Lan", OfficerRole.Admin, null);
        using var mine = bot.Client();
        await mine.SignInAsync(await own.AsksForLinkAsync());
        var at = Local(bot.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        await mine.PostFormAsync(Page, Page + "?handler=Send", Compose("Tin riêng của phường Chi Lăng.", "at", at));
        using var outsider = bot.Client();
        await outsider.SignInAsync(await other.AsksForLinkAsync());

        Assert.DoesNotContain("Tin riêng của phường Chi Lăng.", await outsider.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Page + "?handler=Cancel&id=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", "Đã bị sửa."))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostFormAsync(Page, Page + "?handler=Cancel&id=99")).StatusCode);
        var row = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((BroadcastStatus.Scheduled, "Tin riêng của phường Chi Lăng."), (row.Status, row.Text));

        // An officer's broadcast reaches their own ward only, whatever the form says.
        var elsewhere = await outsider.PostFormAsync(Page, Page + "?handler=Send", [.. Compose("Gửi sang phường khác."), ("Form.Ward", "chi-lang"), ("Form.Units", "chi-lang-k1")]);
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal(1, await bot.QueryAsync(db => db.Broadcasts.CountAsync()));

        using var city = bot.Client();
        await city.SignInAsync(await admin.AsksForLinkAsync());
        Assert.Contains("Tin riêng của phường Chi Lăng.", await city.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await city.PostFormAsync(Page, Page + "?handler=Cancel&id=1")).StatusCode);
        Assert.Equal(BroadcastStatus.Cancelled, await bot.QueryAsync(db => db.Broadcasts.Select(b => b.Status).SingleAsync()));
    }
}
