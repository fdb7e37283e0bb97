using Antq.Bot.Tests.Tips;
using Antq.Bot.WebConsole;
using Antq.Core.Broadcasts;
using Antq.Core.Locale;
using Antq.Core.Officers;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Broadcasts;

/// <summary>
/// <see cref="UpdateBroadcast"/> with weekdays, as the chat and the console make it: no day is refused, new days with a
/// new time start on the first of those days from then, and a broadcast that does not repeat weekly keeps no days.
/// </summary>
public sealed class UpdateBroadcastDaysTests
{
    private static async Task<(TestBot Bot, Officer Officer, ConsoleActions Actions)> StartAsync()
    {
        var bot = await TestBot.StartAsync();
        await bot.OfficerAsync(806_801, "Trung úy Hà", OfficerRole.Officer, "chi-lang");
        var officer = await bot.QueryAsync(db => db.Officers.SingleAsync());
        return (bot, officer, bot.Services.GetRequiredService<ConsoleActions>());
    }

    private static Task<long> ScheduleAsync(TestBot bot, Officer officer, Recurrence recurrence, int weekdays)
    {
        var first = Recurrences.First(recurrence, bot.Clock.GetUtcNow().UtcDateTime.AddDays(2), weekdays);
        return bot.QueryAsync(async db =>
        {
            var b = new Broadcast
            {
                OfficerId = officer.Id, Text = "Nhắc phụ huynh: đưa đón con đúng nơi quy định.", Topic = BroadcastTopic.Traffic, WardIds = "chi-lang",
                ScheduledFor = first, FirstAt = first, Recurrence = recurrence, Weekdays = weekdays, Status = BroadcastStatus.Scheduled, CreatedAt = bot.Clock.GetUtcNow().UtcDateTime,
            };
            db.Broadcasts.Add(b);
            await db.SaveChangesAsync();
            return b.Id;
        });
    }

    [Fact]
    public async Task A_weekly_broadcast_cannot_be_left_with_no_day_and_keeps_its_days_and_time()
    {
        var (bot, officer, actions) = await StartAsync();
        await using var _ = bot;
        var id = await ScheduleAsync(bot, officer, Recurrence.Weekly, Recurrences.Bit(DayOfWeek.Monday));
        var before = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());

        var answer = await actions.RunAsync(officer, new UpdateBroadcast(id, "Chữ mới.", null, 0), CancellationToken.None);

        Assert.Equal("Đồng chí chọn ít nhất một ngày trong tuần.", answer);
        var after = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((before.Text, before.Weekdays, before.ScheduledFor), (after.Text, after.Weekdays, after.ScheduledFor));
    }

    [Fact]
    public async Task New_days_and_a_new_time_together_start_on_the_first_of_the_new_days_from_that_time()
    {
        var (bot, officer, actions) = await StartAsync();
        await using var _ = bot;
        var id = await ScheduleAsync(bot, officer, Recurrence.Weekly, Recurrences.Bit(DayOfWeek.Monday));
        var at = bot.Clock.GetUtcNow().UtcDateTime.AddDays(9);
        var days = Recurrences.Bit(DayOfWeek.Wednesday) | Recurrences.Bit(DayOfWeek.Friday);

        await actions.RunAsync(officer, new UpdateBroadcast(id, null, at, days), CancellationToken.None);

        var after = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(days, after.Weekdays);
        Assert.Equal(Recurrences.First(Recurrence.Weekly, at, days), after.ScheduledFor);
        Assert.Contains(LocalTime.ToLocal(after.ScheduledFor).DayOfWeek, new[] { DayOfWeek.Wednesday, DayOfWeek.Friday });
        Assert.Equal(after.ScheduledFor, after.FirstAt);
    }

    [Fact]
    public async Task Days_sent_for_a_daily_broadcast_are_ignored()
    {
        var (bot, officer, actions) = await StartAsync();
        await using var _ = bot;
        var id = await ScheduleAsync(bot, officer, Recurrence.Daily, 0);
        var before = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());

        await actions.RunAsync(officer, new UpdateBroadcast(id, "Nhắc phụ huynh: đón con đúng giờ.", null, Recurrences.Bit(DayOfWeek.Friday)), CancellationToken.None);

        var after = await bot.QueryAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal(("Nhắc phụ huynh: đón con đúng giờ.", 0, before.ScheduledFor), (after.Text, after.Weekdays, after.ScheduledFor));
    }
}
