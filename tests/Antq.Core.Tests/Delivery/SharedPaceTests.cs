using Antq.Core.Delivery;
using Antq.Core.Instances;
using Antq.Core.Storage;
using Antq.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tests.Delivery;

/// <summary>
/// The send slots two instances share on one PostgreSQL database: never more taken than the limit, a slot free again
/// only a window after its answer, an old use's late release never frees a newer one, a "retry after" holds for every
/// instance, and a gone instance's slots come back.
/// </summary>
public sealed class SharedPaceTests() : DatabaseTests(DatabaseProvider.Postgres)
{
    private const string Rate = "telegram";
    private const int Limit = 5;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(2);
    private static readonly StorageProvider Postgres = new(DatabaseProvider.Postgres);
    private readonly ThisInstance _first = new(Postgres);
    private readonly ThisInstance _second = new(Postgres);

    [Fact]
    public async Task Two_instances_together_never_hold_more_slots_than_the_limit()
    {
        await Pace(_first).AddSlotsAsync(Rate, Limit, CancellationToken.None);
        await Pace(_second).AddSlotsAsync(Rate, Limit, CancellationToken.None);

        var grants = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Pace(i % 2 == 0 ? _first : _second).TakeAsync(Rate, Limit, 2, Hold, CancellationToken.None))));
        var taken = grants.SelectMany(g => g.Slots).ToList();

        Assert.Equal(Limit, taken.Count);
        Assert.Equal(Limit, taken.Select(t => t.Slot).Distinct().Count());

        // None free: the answer says how long until one is (the hold, since none was answered).
        var none = await Pace(_first).TakeAsync(Rate, Limit, 1, Hold, CancellationToken.None);
        Assert.Empty(none.Slots);
        Assert.InRange(none.Wait, Hold - TimeSpan.FromSeconds(10), Hold);
    }

    [Fact]
    public async Task An_answered_slot_is_free_only_once_its_window_has_passed()
    {
        await Pace(_first).AddSlotsAsync(Rate, 1, CancellationToken.None);
        var use = Assert.Single((await Pace(_first).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None)).Slots);

        await Pace(_first).ReleaseAsync(Rate, [use], TimeSpan.FromHours(1), CancellationToken.None);
        var held = await Pace(_second).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None);
        Assert.Empty(held.Slots);
        Assert.InRange(held.Wait, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

        // Released again with no window (as if the hour had passed): the other instance takes it, as a new use.
        await Pace(_first).ReleaseAsync(Rate, [use], TimeSpan.Zero, CancellationToken.None);
        var next = Assert.Single((await Pace(_second).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None)).Slots);
        Assert.Equal(use.Slot, next.Slot);
        Assert.True(next.Pass > use.Pass);
    }

    [Fact]
    public async Task A_late_release_of_an_old_use_does_not_free_the_slot_for_its_new_holder()
    {
        await Pace(_first).AddSlotsAsync(Rate, 1, CancellationToken.None);
        var old = Assert.Single((await Pace(_first).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None)).Slots);
        await Pace(_first).ReleaseAsync(Rate, [old], TimeSpan.Zero, CancellationToken.None);
        Assert.Single((await Pace(_second).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None)).Slots);

        await Pace(_first).ReleaseAsync(Rate, [old], TimeSpan.Zero, CancellationToken.None);

        Assert.Empty((await Pace(_first).TakeAsync(Rate, 1, 1, Hold, CancellationToken.None)).Slots);
    }

    [Fact]
    public async Task A_retry_after_seen_by_one_instance_keeps_every_instance_waiting()
    {
        await Pace(_first).AddSlotsAsync(Rate, Limit, CancellationToken.None);

        await Pace(_first).PauseAsync(Rate, TimeSpan.FromMinutes(30), CancellationToken.None);
        var paused = await Pace(_second).TakeAsync(Rate, Limit, 1, Hold, CancellationToken.None);

        Assert.Empty(paused.Slots);
        Assert.InRange(paused.Wait, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));

        // A shorter pause reported later does not cut the longer one short.
        await Pace(_second).PauseAsync(Rate, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.InRange((await Pace(_second).TakeAsync(Rate, Limit, 1, Hold, CancellationToken.None)).Wait, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public async Task Slots_held_by_an_instance_whose_heartbeat_stopped_come_back_and_a_live_ones_do_not()
    {
        var now = DateTime.UtcNow;
        var gone = new ThisInstance(Postgres);
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            db.Instances.AddRange(
                new ServiceInstance { Id = _first.Id, StartedAt = now.AddMinutes(-5), SeenAt = now },
                new ServiceInstance { Id = gone.Id, StartedAt = now.AddMinutes(-5), SeenAt = now.AddSeconds(-30) });
            await db.SaveChangesAsync();
        }

        await Pace(_first).AddSlotsAsync(Rate, 4, CancellationToken.None);
        var live = (await Pace(_first).TakeAsync(Rate, 4, 2, Hold, CancellationToken.None)).Slots;
        var dead = (await Pace(gone).TakeAsync(Rate, 4, 2, Hold, CancellationToken.None)).Slots;

        var freed = await Pace(_second).ReleaseGoneAsync(TimeSpan.FromSeconds(10), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(2, freed);
        var again = (await Pace(_second).TakeAsync(Rate, 4, 4, Hold, CancellationToken.None)).Slots;
        Assert.Equal(dead.Select(d => d.Slot).Order(), again.Select(a => a.Slot).Order());
        await using var check = await Contexts.CreateDbContextAsync();
        Assert.Equal(live.Select(l => l.Slot).Order(), await check.ChannelSlots.Where(s => s.Holder == _first.Id).Select(s => s.Slot).OrderBy(s => s).ToListAsync());
    }

    private SharedPace Pace(ThisInstance instance) => new(Contexts, Postgres, instance);
}
