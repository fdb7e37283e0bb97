using Antq.Core.Storage;
using Antq.Core.Broadcasts;
using Antq.Core.Delivery;
using Antq.Core.Officers;
using Antq.Core.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Antq.Core.Tests.Changes;

/// <summary>The broadcast handler built with its dependencies alone, on a real SQLite file.</summary>
public sealed class SqliteBroadcastHandlerTests() : BroadcastHandlerTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server.</summary>
public sealed class PostgresBroadcastHandlerTests() : BroadcastHandlerTests(DatabaseProvider.Postgres);

public abstract class BroadcastHandlerTests(DatabaseProvider provider) : ChangeHandlerTests(provider)
{
    private CreateBroadcastHandler Handler => new(Texts, Areas, Options.Create(new DeliveryOptions()));

    [Fact]
    public async Task A_broadcast_for_later_is_scheduled_and_nothing_is_sent_yet()
    {
        await AddOfficerAsync("officer-1", Ward);
        var at = Now.AddDays(2);

        var context = await ApplyAsync(Handler, new CreateBroadcast(Draft(Ward) with { At = at }), From("officer-1"));

        await using var db = await Contexts.CreateDbContextAsync();
        var broadcast = await db.Broadcasts.AsNoTracking().SingleAsync();
        Assert.Equal(BroadcastStatus.Scheduled, broadcast.Status);
        Assert.Equal(at, broadcast.ScheduledFor);
        Assert.Contains(broadcast.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), RepliesText(context), StringComparison.Ordinal);
        Assert.Empty(await QueuedAsync());
    }

    [Fact]
    public async Task A_broadcast_now_is_queued_for_the_wards_residents_who_follow_its_topic_only()
    {
        await AddOfficerAsync("officer-1", Ward);
        await AddResidentAsync("follows", Ward, Topics.Traffic);
        await AddResidentAsync("other-topic", Ward, Topics.Fire);
        await AddResidentAsync("other-ward", Areas.Wards[^1].Id, Topics.Traffic);

        await ApplyAsync(Handler, new CreateBroadcast(Draft(Ward)), From("officer-1"));

        var toResidents = (await QueuedAsync()).Where(o => o.BroadcastId is not null).ToList();
        var row = Assert.Single(toResidents);
        Assert.Equal("follows", row.ChatId);
        Assert.Contains("Đường Lê Lợi cấm xe", OutboxWriter.Read(row).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_urgent_alert_reaches_a_resident_who_chose_urgent_notices_only_and_nothing_else_does()
    {
        await AddOfficerAsync("officer-1", Ward);
        await AddResidentAsync("urgent-only", Ward, Topics.None);
        await AddResidentAsync("follows-traffic", Ward, Topics.Traffic);
        var urgent = Draft(Ward) with { Topic = BroadcastTopic.Urgent, Text = "Cảnh báo: lũ quét trên suối Kỳ Cùng, tránh xa bờ suối." };

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.Equal(2, await BroadcastAudience.CountAsync(db, urgent.Audience!, CancellationToken.None));
            Assert.Equal(1, await BroadcastAudience.CountAsync(db, Draft(Ward).Audience!, CancellationToken.None));
        }

        await ApplyAsync(Handler, new CreateBroadcast(Draft(Ward)), From("officer-1"));
        await ApplyAsync(Handler, new CreateBroadcast(urgent), From("officer-1"));

        var rows = (await QueuedAsync()).Where(o => o.BroadcastId is not null).ToList();
        Assert.Equal(["follows-traffic"], rows.Where(o => OutboxWriter.Read(o).Text!.Contains("Lê Lợi", StringComparison.Ordinal)).Select(o => o.ChatId));
        Assert.Equal(["follows-traffic", "urgent-only"], rows.Where(o => OutboxWriter.Read(o).Text!.Contains("lũ quét", StringComparison.Ordinal)).Select(o => o.ChatId).Order());
    }

    [Fact]
    public async Task An_officer_cannot_broadcast_to_another_ward()
    {
        await AddOfficerAsync("officer-1", Ward);
        await AddResidentAsync("other-ward", Areas.Wards[^1].Id, Topics.Traffic);

        var context = await ApplyAsync(Handler, new CreateBroadcast(Draft(Areas.Wards[^1].Id)), From("officer-1"));

        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Empty(await db.Broadcasts.AsNoTracking().ToListAsync());
        Assert.Empty(await QueuedAsync());
        Assert.Equal(Texts.Get("vi", "broadcast.not_allowed"), RepliesText(context));
    }

    private static BroadcastDraft Draft(string wardId) =>
        new() { Text = "Đường Lê Lợi cấm xe từ 19 giờ tối nay.", Topic = BroadcastTopic.Traffic, Wards = [wardId] };
}
