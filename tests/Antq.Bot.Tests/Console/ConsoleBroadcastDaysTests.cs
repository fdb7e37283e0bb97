using System.Globalization;
using System.Net;
using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;

namespace Antq.Bot.Tests.WebConsole;

/// <summary>The edit form of a weekly broadcast on the Broadcasts page: its days, as the compose form's, besides text and time.</summary>
public sealed class ConsoleBroadcastDaysTests
{
    private const string Page = "/console/broadcasts";

    private static string Local(DateTime utc) => LocalTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A weekly broadcast on Mondays at 07:00 from two days on, sent from the console; its row.</summary>
    private static async Task<Broadcast> WeeklyOnMondaysAsync(TestBot bot, HttpClient client)
    {
        var start = LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime).Date.AddDays(2).AddHours(7).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var sent = await client.PostFormAsync(
            Page,
            Page + "?handler=Send",
            ("Form.Text", "Nhắc phụ huynh: đội mũ bảo hiểm cho con khi đi xe máy."), ("Form.Topic", "traffic"), ("Form.Language", "all"),
            ("Form.When", "repeat"), ("Form.At", start), ("Form.Repeat", "weekly"), ("Form.Days", "1"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
    }

    [Fact]
    public async Task An_officer_changes_a_weekly_broadcasts_days_in_the_console_and_its_next_time_follows_them_at_the_same_hour()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var row = await WeeklyOnMondaysAsync(bot, client);
        Assert.Equal(Recurrences.Bit(DayOfWeek.Monday), row.Weekdays);
        var list = await client.GetStringAsync(Page);
        Assert.Contains("name=\"days\" value=\"1\" checked=\"checked\"", list, StringComparison.Ordinal);
        Assert.Contains("name=\"days\" value=\"6\">", list, StringComparison.Ordinal);

        // Saturday and Sunday instead of Monday; text and time as they were.
        var edited = await client.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", row.Text), ("at", Local(row.ScheduledFor)), ("weekly", "true"), ("days", "6"), ("days", "0"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(Recurrences.Bit(DayOfWeek.Saturday) | Recurrences.Bit(DayOfWeek.Sunday), changed.Weekdays);
        var next = LocalTime.ToLocal(changed.ScheduledFor);
        Assert.Contains(next.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        Assert.Equal(new TimeSpan(7, 0, 0), next.TimeOfDay);

        // Not before the first time it was set for (a series may be set to begin later), and within the week from it.
        Assert.InRange(changed.ScheduledFor, row.ScheduledFor, row.ScheduledFor.AddDays(7));
        Assert.Equal(row.Text, changed.Text);
        var after = await client.GetStringAsync(Page);
        Assert.Contains("Đã đổi ngày gửi tin #1", after, StringComparison.Ordinal);
        Assert.Contains("Hằng tuần vào Thứ Bảy, Chủ nhật", after, StringComparison.Ordinal);
        Assert.Contains("name=\"days\" value=\"0\" checked=\"checked\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_days_with_a_new_time_start_on_the_first_chosen_day_from_that_time()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var row = await WeeklyOnMondaysAsync(bot, client);
        var from = LocalTime.ToLocal(bot.Clock.GetUtcNow().UtcDateTime).Date.AddDays(10).AddHours(18).AddMinutes(30);

        var edited = await client.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", row.Text), ("at", from.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)), ("weekly", "true"), ("days", "3"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var changed = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(Recurrences.Bit(DayOfWeek.Wednesday), changed.Weekdays);
        var next = LocalTime.ToLocal(changed.ScheduledFor);
        Assert.Equal(DayOfWeek.Wednesday, next.DayOfWeek);
        Assert.Equal(new TimeSpan(18, 30, 0), next.TimeOfDay);
        Assert.InRange((next.Date - from.Date).TotalDays, 0, 6);
        Assert.Equal(changed.ScheduledFor, changed.FirstAt);
    }

    [Fact]
    public async Task A_weekly_broadcast_with_no_day_ticked_is_refused_with_a_clear_message_and_keeps_its_days()
    {
        await using var bot = await TestBot.StartAsync();
        var officer = await bot.WardOfficerAsync();
        using var client = bot.Client();
        await client.SignInAsync(await officer.AsksForLinkAsync());
        var row = await WeeklyOnMondaysAsync(bot, client);

        var refused = await client.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", "Nhắc phụ huynh: đội mũ cho con."), ("at", Local(row.ScheduledFor)), ("weekly", "true"));
        var unchanged = await client.PostFormAsync(Page, Page + "?handler=Edit&id=1", ("text", row.Text), ("at", Local(row.ScheduledFor)), ("weekly", "true"), ("days", "1"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Tin lặp lại hằng tuần phải có ít nhất một ngày gửi. Xin chọn ngày.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.StatusCode);
        Assert.Contains("Đồng chí chưa thay đổi nội dung, thời điểm hay ngày gửi.", WebUtility.HtmlDecode(await unchanged.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var kept = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((row.Text, row.Weekdays, row.ScheduledFor), (kept.Text, kept.Weekdays, kept.ScheduledFor));
    }
}
