using Antq.Core.Conversations;
using Antq.Core.Delivery;
using Antq.Core.Instances;
using Antq.Core.Storage;
using Antq.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Tests.Delivery;

/// <summary>
/// The outbox shared by two instances on one PostgreSQL database, each with its own id: a row goes to one of them
/// only, a chat in flight with one is left to it, and only a gone instance's rows are taken back.
/// </summary>
public sealed class SharedQueueTests() : DatabaseTests(DatabaseProvider.Postgres)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly StorageProvider Postgres = new(DatabaseProvider.Postgres);
    private readonly ThisInstance _first = new(Postgres);
    private readonly ThisInstance _second = new(Postgres);

    private GroupWriter Writer => Services.GetRequiredService<GroupWriter>();

    [Fact]
    public async Task A_chat_in_flight_with_one_instance_is_not_leased_by_another_until_its_rows_are_done()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        await QueueAsync("chat-a", 3, before);
        await QueueAsync("chat-b", 1, before);

        var first = await Queue(_first).LeaseAsync(["telegram"], max: 1, perChat: 5, Lease, CancellationToken.None);
        var second = await Queue(_second).LeaseAsync(["telegram"], max: 20, perChat: 5, Lease, CancellationToken.None);

        Assert.Equal("chat-a", Assert.Single(first).ChatId);
        Assert.Equal("chat-b", Assert.Single(second).ChatId);

        // Once the first instance's row of chat-a is done, the second may take the rest, in order.
        await Queue(_first).CompleteAsync([new DeliveryOutcome(first[0].Id, "telegram", "chat-a", DeliveryStatus.Sent)], CancellationToken.None);
        var rest = await Queue(_second).LeaseAsync(["telegram"], max: 20, perChat: 5, Lease, CancellationToken.None);
        Assert.Equal(["Tin 2", "Tin 3"], rest.Select(r => OutboxWriter.Read(r).Text));
    }

    [Fact]
    public async Task Two_instances_leasing_at_the_same_time_never_take_the_same_row()
    {
        var before = DateTime.UtcNow.AddMinutes(-1);
        for (var chat = 0; chat < 150; chat++)
        {
            await QueueAsync("chat-" + chat, 2, before);
        }

        async Task<List<OutboxMessage>> DrainAsync(ThisInstance instance)
        {
            var queue = Queue(instance);
            var taken = new List<OutboxMessage>();
            while (true)
            {
                var rows = await queue.LeaseAsync(["telegram"], max: 7, perChat: 5, Lease, CancellationToken.None);
                if (rows.Count == 0)
                {
                    return taken;
                }

                taken.AddRange(rows);
            }
        }

        var both = await Task.WhenAll(Task.Run(() => DrainAsync(_first)), Task.Run(() => DrainAsync(_second)));

        Assert.Empty(both[0].Select(r => r.Id).Intersect(both[1].Select(r => r.Id)));
        Assert.Equal(300, both[0].Count + both[1].Count);
        Assert.NotEmpty(both[0]);
        Assert.NotEmpty(both[1]);

        // No chat is split between the two: each chat's two rows went to one instance.
        Assert.Empty(both[0].Select(r => r.ChatId).Intersect(both[1].Select(r => r.ChatId)));
        await using var db = await Contexts.CreateDbContextAsync();
        var owners = await db.Outbox.AsNoTracking().Select(o => o.LeasedBy).Distinct().ToListAsync();
        Assert.Equal(new[] { _first.Id, _second.Id }.Order(), owners.Order());
    }

    [Fact]
    public async Task Only_rows_of_instances_whose_heartbeat_stopped_go_back_to_the_queue()
    {
        var now = DateTime.UtcNow;
        await QueueAsync("live-chat", 2, now.AddMinutes(-1));
        await QueueAsync("gone-chat", 2, now.AddMinutes(-1));
        var gone = new ThisInstance(Postgres);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Instances.AddRange(
                new ServiceInstance { Id = _first.Id, StartedAt = now.AddMinutes(-5), SeenAt = now },
                new ServiceInstance { Id = gone.Id, StartedAt = now.AddMinutes(-5), SeenAt = now.AddSeconds(-30) });
            await db.SaveChangesAsync();
        }

        var live = await Queue(_first).LeaseAsync(["telegram"], max: 2, perChat: 5, Lease, CancellationToken.None);
        var dead = await Queue(gone).LeaseAsync(["telegram"], max: 2, perChat: 5, Lease, CancellationToken.None);
        Assert.All(live, r => Assert.Equal("live-chat", r.ChatId));
        Assert.All(dead, r => Assert.Equal("gone-chat", r.ChatId));

        // A third instance starting (or any live one at its heartbeat) takes back what the gone one held, and only that.
        var taken = await Queue(_second).TakeBackFromGoneAsync(TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(2, taken);
        await using var check = await Contexts.CreateDbContextAsync();
        var rows = await check.Outbox.AsNoTracking().ToListAsync();
        Assert.All(rows.Where(r => r.ChatId == "live-chat"), r => Assert.Equal((DeliveryStatus.InFlight, _first.Id), (r.Status, r.LeasedBy)));
        Assert.All(rows.Where(r => r.ChatId == "gone-chat"), r => Assert.Equal((DeliveryStatus.Queued, (string?)null), (r.Status, r.LeasedBy)));
        Assert.Equal([_first.Id], await check.Instances.Select(i => i.Id).ToListAsync());
        var again = await Queue(_second).LeaseAsync(["telegram"], max: 20, perChat: 5, Lease, CancellationToken.None);
        Assert.Equal(["Tin 1", "Tin 2"], again.Select(r => OutboxWriter.Read(r).Text));
    }

    private DeliveryQueue Queue(ThisInstance instance) => new(Contexts, Writer, TimeProvider.System, Postgres, instance);

    private Task QueueAsync(string chat, int count, DateTime at) =>
        Writer.WriteAsync((scope, ct) => OutboxWriter.WriteAsync(
            scope, "telegram", chat, [.. Enumerable.Range(1, count).Select(i => OutboxWriter.Payload(new OutgoingMessage { Text = "Tin " + i }))], DeliveryPriority.Broadcast, at, ct));
}
