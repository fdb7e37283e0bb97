using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Instances;
using Antq.Core.Storage;
using Antq.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Tests.Delivery;

/// <summary>The dispatcher's statements on a SQLite file.</summary>
public sealed class SqliteDeliveryQueueTests() : DeliveryQueueTests(DatabaseProvider.Sqlite);

/// <summary>The same statements on the tests' PostgreSQL server.</summary>
public sealed class PostgresDeliveryQueueTests() : DeliveryQueueTests(DatabaseProvider.Postgres);

/// <summary>
/// The dispatcher's statements on a real database, written once for both providers: the lease with its per-chat
/// limit, and outcomes recorded for lists of ids bound as parameters (no <c>json_each</c>).
/// </summary>
public abstract class DeliveryQueueTests(DatabaseProvider provider) : DatabaseTests(provider)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private GroupWriter Writer => Services.GetRequiredService<GroupWriter>();

    private DeliveryQueue Queue => new(Contexts, Writer, TimeProvider.System, new StorageProvider(Provider), new ThisInstance(new StorageProvider(Provider)));

    [Fact]
    public async Task A_lease_takes_replies_first_and_no_more_than_the_per_chat_limit_of_one_busy_chat()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        await QueueAsync("busy", 10, DeliveryPriority.Broadcast, before);
        await QueueAsync("quiet", 1, DeliveryPriority.Broadcast, before);
        await QueueAsync("asker", 1, DeliveryPriority.Reply, before);

        var leased = await Queue.LeaseAsync(["telegram"], max: 20, perChat: 2, Lease, CancellationToken.None);

        Assert.Equal("asker", leased[0].ChatId);
        Assert.Equal(2, leased.Count(r => r.ChatId == "busy"));
        Assert.Single(leased, r => r.ChatId == "quiet");
        Assert.Equal(4, leased.Count);

        // The busy chat's next rows wait until its first ones are done, in the order they were written.
        var busy = leased.Where(r => r.ChatId == "busy").Select(r => r.Id).ToList();
        Assert.Empty(await Queue.LeaseAsync(["telegram"], max: 20, perChat: 2, Lease, CancellationToken.None));
        await Queue.CompleteAsync([.. busy.Select(id => new DeliveryOutcome(id, "telegram", "busy", DeliveryStatus.Sent))], CancellationToken.None);
        var next = await Queue.LeaseAsync(["telegram"], max: 20, perChat: 2, Lease, CancellationToken.None);
        Assert.Equal(2, next.Count);
        Assert.All(next, r => Assert.True(r.Id > busy.Max()));
    }

    [Fact]
    public async Task Outcomes_of_hundreds_of_rows_are_each_recorded_on_their_own_row_and_no_other()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        for (var chat = 0; chat < 100; chat++)
        {
            await QueueAsync("chat-" + chat, 3, DeliveryPriority.Broadcast, before);
        }

        await QueueAsync("untouched", 1, DeliveryPriority.Broadcast, before);
        var leased = await Queue.LeaseAsync(["telegram"], max: 300, perChat: 5, Lease, CancellationToken.None);
        Assert.Equal(300, leased.Count);

        // 297 sent (a list padded to 512 parameters), two refused (padded to two), one answer to an erasure forgotten.
        var outcomes = leased.Take(297).Select(r => new DeliveryOutcome(r.Id, r.Channel, r.ChatId, DeliveryStatus.Sent))
            .Concat(leased.Skip(297).Take(2).Select(r => new DeliveryOutcome(r.Id, r.Channel, r.ChatId, DeliveryStatus.Failed, Error: "400")))
            .Append(new DeliveryOutcome(leased[299].Id, leased[299].Channel, leased[299].ChatId, DeliveryStatus.Sent) { Forget = true })
            .ToList();
        await Queue.CompleteAsync(outcomes, CancellationToken.None);

        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.Outbox.AsNoTracking().ToDictionaryAsync(o => o.Id);
        Assert.All(leased.Take(297), r => Assert.Equal((DeliveryStatus.Sent, 1), (rows[r.Id].Status, rows[r.Id].Attempts)));
        Assert.All(leased.Take(297), r => Assert.NotNull(rows[r.Id].SentAt));
        Assert.All(leased.Skip(297).Take(2), r => Assert.Equal((DeliveryStatus.Failed, "400"), (rows[r.Id].Status, rows[r.Id].LastError)));
        Assert.False(rows.ContainsKey(leased[299].Id));
        var untouched = Assert.Single(rows.Values, r => r.ChatId == "untouched");
        Assert.Equal((DeliveryStatus.Queued, 0), (untouched.Status, untouched.Attempts));
    }

    [Fact]
    public async Task A_lease_over_two_channels_takes_the_replies_of_both_first_then_the_earliest_due_and_nothing_not_yet_due()
    {
        var now = DateTime.UtcNow;
        await QueueAsync("late-broadcast", 1, DeliveryPriority.Broadcast, now.AddMinutes(-1));
        await QueueAsync("early-broadcast", 1, DeliveryPriority.Broadcast, now.AddMinutes(-5), "webchat");
        await QueueAsync("tomorrow", 1, DeliveryPriority.Reply, now.AddDays(1));
        await QueueAsync("reply", 1, DeliveryPriority.Reply, now.AddMinutes(-1), "webchat");
        await QueueAsync("other-reply", 1, DeliveryPriority.Reply, now.AddMinutes(-2));
        await QueueAsync("elsewhere", 1, DeliveryPriority.Reply, now.AddMinutes(-3), "zalo");

        var first = await Queue.LeaseAsync(["telegram", "webchat"], max: 3, perChat: 2, Lease, CancellationToken.None);
        var rest = await Queue.LeaseAsync(["telegram", "webchat"], max: 10, perChat: 2, Lease, CancellationToken.None);

        // The lease hands them over replies first, each chat's as written; which three were taken is the point here.
        Assert.Equal(["early-broadcast", "other-reply", "reply"], first.Select(r => r.ChatId).Order());
        Assert.Equal(DeliveryPriority.Broadcast, first[^1].Priority);
        Assert.Equal(["late-broadcast"], rest.Select(r => r.ChatId));
    }

    [Fact]
    public async Task A_row_written_as_sent_is_kept_with_the_chat_but_never_leased_nor_counted_as_queued()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        var (id, queued) = await Writer.WriteAsync(async (scope, ct) =>
        {
            var written = await OutboxWriter.WriteSentAsync(scope, "telegram", "echoed", new OutgoingMessage { Text = "Tiếng Việt" }, DeliveryPriority.Reply, OutboxKind.Echo, "41", before, ct);
            return (written, scope.Queued);
        });

        Assert.Equal(0, queued);
        Assert.Empty(await Queue.LeaseAsync(["telegram"], max: 20, perChat: 5, Lease, CancellationToken.None));
        await using var db = await Contexts.CreateDbContextAsync();
        var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id);
        Assert.Equal(("echoed", DeliveryStatus.Sent, OutboxKind.Echo, "41", 0), (row.ChatId, row.Status, row.Kind, row.ChannelMessageId, row.Attempts));
        Assert.NotNull(row.SentAt);
        Assert.Equal("Tiếng Việt", OutboxWriter.Read(row).Text);
    }

    private Task QueueAsync(string chat, int count, DeliveryPriority priority, DateTime at, string channel = "telegram") =>
        Writer.WriteAsync((scope, ct) => OutboxWriter.WriteAsync(
            scope, channel, chat, [.. Enumerable.Range(1, count).Select(i => OutboxWriter.Payload(new OutgoingMessage { Text = "Tin " + i }))], priority, at, ct));
}
