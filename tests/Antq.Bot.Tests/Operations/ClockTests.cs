using Antq.Bot.Tests.Pledges;
using Antq.Core.Broadcasts;
using Antq.Core.Events;
using Antq.Core.Pledges;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Bot.Tests.Operations;

public sealed class ClockTests
{
    [Fact]
    public async Task A_clock_tick_with_nothing_due_takes_no_turn_of_the_single_writer_and_one_with_a_renewal_due_invites()
    {
        // The clocks run when the test says so; nothing else wakes the dispatcher.
        await using var bot = await TestBot.StartAsync(s =>
        {
            s["Scheduling:DueMessagesEvery"] = "01:00:00";
            s["Delivery:PollInterval"] = "01:00:00";
        });
        var year = bot.Services.GetRequiredService<PledgeCatalog>().Campaign.Year;
        var gate = bot.Services.GetRequiredService<WriteGate>();
        var broadcasts = bot.Services.GetRequiredService<BroadcastClock>();
        var events = bot.Services.GetRequiredService<EventClock>();
        var renewals = bot.Services.GetRequiredService<PledgeRenewals>();

        // Last year's signer is invited (by this tick, or by the clock's first one at start-up).
        await bot.SignerAsync("909101", (year - 1, null));
        await renewals.TickAsync(CancellationToken.None);
        var first = bot.Chat(909_101);
        await first.Sees("Mời bạn ký lại cho năm nay.");

        // Now nothing is due anywhere: the ticks look without entering the write gate.
        var entries = await SettledEntriesAsync(gate);
        await broadcasts.TickAsync(CancellationToken.None);
        await events.TickAsync(CancellationToken.None);
        Assert.Equal(0, await renewals.TickAsync(CancellationToken.None));
        Assert.Equal(entries, gate.Entries);

        // Someone who signed last year and was not invited yet: the tick takes the writer's turn and invites them.
        await bot.SignerAsync("909102", (year - 1, null));
        Assert.Equal(1, await renewals.TickAsync(CancellationToken.None));
        Assert.True(gate.Entries > entries);
        await bot.Chat(909_102).Sees("Mời bạn ký lại cho năm nay.");
        Assert.Equal(0, await renewals.TickAsync(CancellationToken.None));
        await first.SeesNothingFor(TimeSpan.FromMilliseconds(500));
    }

    /// <summary>The write gate's entries once the host has gone quiet (nothing entered it for half a second).</summary>
    private static async Task<long> SettledEntriesAsync(WriteGate gate)
    {
        var entries = gate.Entries;
        for (var quiet = 0; quiet < 5;)
        {
            await Task.Delay(100);
            (quiet, entries) = gate.Entries == entries ? (quiet + 1, entries) : (0, gate.Entries);
        }

        return entries;
    }
}
