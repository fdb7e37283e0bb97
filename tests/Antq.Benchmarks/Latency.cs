using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Benchmarks;

internal sealed record LatencyResult(
    int Residents,
    double OfferedRate,
    double AchievedRate,
    TimeSpan Measured,
    int Updates,
    int MissingReplies,
    Distribution ReceivedToQueued,
    Distribution HandedOutToFirstReply,
    Distribution HandedOutToLastReply,
    Distribution QueuedToHandedOut,
    string Stalls,
    string ByStep);

/// <summary>What may stall every chat at once during a run: garbage collections and long holds of the single writer.</summary>
internal sealed record StallWatch(int Gen0, int Gen1, int Gen2, TimeSpan GcPause, IReadOnlyDictionary<string, LongHoldCount> LongHolds)
{
    public static StallWatch Now(WriteGate gate) =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), gate.LongHolds());

    public string Since(StallWatch start)
    {
        var holds = LongHolds.Select(h => (h.Key, Count: h.Value.Count - (start.LongHolds.TryGetValue(h.Key, out var s) ? s.Count : 0), h.Value.Longest))
            .Where(h => h.Count > 0).OrderByDescending(h => h.Count)
            .Select(h => $"{h.Key} ×{h.Count} (longest so far {h.Longest.TotalMilliseconds:0} ms)");
        var gate = string.Join(", ", holds);
        return $"GC: {Gen0 - start.Gen0} gen0, {Gen1 - start.Gen1} gen1, {Gen2 - start.Gen2} gen2, paused {(GcPause - start.GcPause).TotalMilliseconds:0} ms in all; "
            + $"write gate held over {WriteGate.LongHold.TotalMilliseconds:0} ms: {(gate.Length == 0 ? "never" : gate)}";
    }
}

/// <summary>
/// Open loop: updates are offered at a fixed global rate, round-robin over the residents, whatever the bot
/// answers. Each resident repeats onboarding followed by /delete_me → erase:yes, so every input is valid for the
/// step its chat is at when the inputs are handled in order.
/// </summary>
internal static class Latency
{
    public const long ChatBase = 10_000_001;

    public static async Task<LatencyResult> RunAsync(int residents, double rate, TimeSpan warmUp, TimeSpan measured, int warmUpResidents, TextWriter log)
    {
        await using var bot = await BotUnderTest.StartAsync();
        var script = new Script(bot.Areas, withErase: true);
        var feed = new UpdateFeed(bot);
        var expected = await Calibration.RunAsync(bot, script, feed, chatId: 9_000_001, cycles: 2);

        // The fake keeps no log of calls from here on: its bookkeeping is not the bot's work (the real Bot API runs elsewhere).
        bot.Fake.RecordCalls = false;
        log.WriteLine($"  replies per step: {string.Join(", ", expected.Select((c, i) => $"{Script.StepNames[i]}={c}"))}");
        if (warmUpResidents > 0)
        {
            // The saturation run's closed-loop warm-up (other chats) on the whole script, erasure included, so the JIT
            // and the caches are warm for every code path the measured run takes.
            await WarmUp.RunAsync(bot, script, feed, expected, 20_000_001, warmUpResidents, log);
        }

        var total = (int)Math.Round(rate * (warmUp + measured).TotalSeconds);
        var warmUpCount = (int)Math.Round(rate * warmUp.TotalSeconds);
        var sent = new Offered[total];
        var handedOut = new ConcurrentDictionary<long, DateTimeOffset>();
        var replies = new ConcurrentDictionary<long, List<DateTimeOffset>>();
        var lastMessageIds = new int[residents];
        var expectedReplies = 0;
        var repliesSeen = 0;
        var offeredSoFar = 0;

        void OnCall(RecordedCall call)
        {
            if (call.Method == "getUpdates" && call.Succeeded && call.Result is JsonArray batch)
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var update in batch)
                {
                    if (update?["update_id"] is JsonValue id && id.TryGetValue<long>(out var updateId))
                    {
                        handedOut.TryAdd(updateId, now);
                    }
                }

                return;
            }

            if (Script.IsReply(call, out var chat) && chat >= ChatBase && chat < ChatBase + residents)
            {
                var list = replies.GetOrAdd(chat, _ => []);
                lock (list)
                {
                    list.Add(call.ReceivedAt);
                }

                Volatile.Write(ref lastMessageIds[chat - ChatBase], Script.MessageId(call));
                Interlocked.Increment(ref repliesSeen);
            }
        }

        bot.Fake.OnCall += OnCall;
        try
        {
            // The pacer: update g goes to resident g % residents at t0 + g / rate, on a thread of its own.
            var pacer = new Thread(() =>
            {
                var clock = Stopwatch.StartNew();
                for (var g = 0; g < total; g++)
                {
                    var due = TimeSpan.FromSeconds(g / rate);
                    while (clock.Elapsed < due)
                    {
                        var wait = due - clock.Elapsed;
                        if (wait > TimeSpan.FromMilliseconds(2))
                        {
                            Thread.Sleep(1);
                        }
                        else
                        {
                            Thread.SpinWait(50);
                        }
                    }

                    var resident = g % residents;
                    var step = g / residents % script.Length;
                    var chatId = ChatBase + resident;
                    var messageId = Volatile.Read(ref lastMessageIds[resident]);
                    var offeredAt = DateTimeOffset.UtcNow;
                    var updateId = feed.Enqueue(id => script.Input(step, id, chatId, resident, messageId));
                    sent[g] = new Offered(updateId, chatId, step, offeredAt, clock.Elapsed);
                    Interlocked.Add(ref expectedReplies, expected[step]);
                    Volatile.Write(ref offeredSoFar, g + 1);
                }
            })
            { IsBackground = true, Name = "offered load", Priority = ThreadPriority.AboveNormal };

            // /delete_me → erase:yes deletes a chat's handled inbox rows, so they are read while the run goes on.
            var queuedLatency = new ConcurrentDictionary<long, TimeSpan>();
            using var stopPolling = new CancellationTokenSource();
            var poller = PollHandledAsync(bot, queuedLatency, stopPolling.Token);

            log.WriteLine($"  offering {rate:0}/s over {residents} residents for {(warmUp + measured).TotalSeconds:0} s ({warmUp.TotalSeconds:0} s warm-up)");
            var gate = bot.App.Services.GetRequiredService<WriteGate>();
            var stallsBefore = StallWatch.Now(gate);
            var progress = Stopwatch.StartNew();
            pacer.Start();
            var writerWatch = WatchWriterByStepAsync(bot.App.Services.GetRequiredService<GroupWriter>(), () => Volatile.Read(ref offeredSoFar), warmUpCount, residents, script.Length, () => pacer.IsAlive);
            while (pacer.IsAlive)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                log.WriteLine($"    {progress.Elapsed.TotalSeconds:0}s: {Volatile.Read(ref repliesSeen)} of {Volatile.Read(ref expectedReplies)} replies so far");
            }

            pacer.Join();
            var (stepBusy, stepWall) = await writerWatch;
            var drainDeadline = Stopwatch.StartNew();
            while (Volatile.Read(ref repliesSeen) < Volatile.Read(ref expectedReplies) && drainDeadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(50);
            }

            var stalls = StallWatch.Now(gate).Since(stallsBefore);
            await Task.Delay(TimeSpan.FromSeconds(1));
            await stopPolling.CancelAsync();
            await poller;
            var missing = Volatile.Read(ref expectedReplies) - Volatile.Read(ref repliesSeen);
            if (missing != 0)
            {
                log.WriteLine($"  WARNING: {missing} replies missing after draining");
            }

            // (1) receipt → reply queued, from the database: HandledAt − ReceivedAt of each measured update.
            var measuredIds = sent.Skip(warmUpCount).Select(s => s.UpdateId).ToHashSet();
            var queued = queuedLatency.Where(q => measuredIds.Contains(q.Key)).Select(q => q.Value).ToList();
            var stepOf = sent.Skip(warmUpCount).ToDictionary(s => s.UpdateId, s => s.Step);
            var byStep = string.Join("; ", queuedLatency.Where(q => stepOf.ContainsKey(q.Key)).GroupBy(q => stepOf[q.Key]).OrderBy(g => g.Key)
                .Select(g => $"{Script.StepNames[g.Key]} {Distribution.Ms(Distribution.Of(g.Select(q => q.Value)).P99)} ms, writer {(stepWall[g.Key] > 0 ? stepBusy[g.Key] / stepWall[g.Key] : 0):P0}"));

            // (2) receipt → reply at the Bot API, at the fake: replies of a chat arrive in the order of its updates.
            var first = new List<TimeSpan>();
            var last = new List<TimeSpan>();
            var polled = new List<TimeSpan>();
            foreach (var chat in sent.GroupBy(s => s.ChatId))
            {
                var received = replies.TryGetValue(chat.Key, out var list) ? list : [];
                var next = 0;
                foreach (var update in chat.OrderBy(s => s.UpdateId))
                {
                    var count = expected[update.Step];
                    var isMeasured = measuredIds.Contains(update.UpdateId);
                    if (isMeasured && next + count <= received.Count && handedOut.TryGetValue(update.UpdateId, out var handed))
                    {
                        first.Add(received[next] - handed);
                        last.Add(received[next + count - 1] - handed);
                        polled.Add(handed - update.OfferedAt);
                    }

                    next += count;
                }
            }

            var window = sent[^1].Elapsed - sent[warmUpCount].Elapsed;
            return new LatencyResult(
                residents,
                rate,
                (total - warmUpCount - 1) / window.TotalSeconds,
                window,
                measuredIds.Count,
                missing,
                Distribution.Of(queued),
                Distribution.Of(first),
                Distribution.Of(last),
                Distribution.Of(polled),
                stalls,
                byStep);
        }
        finally
        {
            bot.Fake.OnCall -= OnCall;
        }
    }

    /// <summary>
    /// Every 100 ms while the measured load is offered, how long the single writer was busy (its units and commits,
    /// <see cref="GroupWriter.Breakdown"/>), put to the script step being offered then: all residents are at the same
    /// step at the same moment, so a step that is heavy on the writer shows as its busy share.
    /// </summary>
    private static async Task<(double[] Busy, double[] Wall)> WatchWriterByStepAsync(GroupWriter writer, Func<int> offered, int from, int residents, int steps, Func<bool> running)
    {
        var busy = new double[steps];
        var wall = new double[steps];
        static double Busy(WriterBreakdown b) => b.Units.Sum(u => u.Seconds) + b.CommitSeconds;
        var last = Busy(writer.Breakdown());
        var clock = Stopwatch.StartNew();
        var lastAt = clock.Elapsed;
        while (running())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            var now = Busy(writer.Breakdown());
            var at = clock.Elapsed;
            var g = offered();
            if (g > from)
            {
                var step = (g - 1) / residents % steps;
                busy[step] += now - last;
                wall[step] += (at - lastAt).TotalSeconds;
            }

            (last, lastAt) = (now, at);
        }

        return (busy, wall);
    }

    /// <summary>Every 250 ms, the inbox rows handled since a little before the last look (HandledAt is indexed).</summary>
    private static async Task PollHandledAsync(BotUnderTest bot, ConcurrentDictionary<long, TimeSpan> latencies, CancellationToken stop)
    {
        var factory = bot.App.Services.GetRequiredService<IDbContextFactory<AntqDb>>();
        var since = DateTime.UtcNow.AddMinutes(-10);
        while (true)
        {
            var lookedAt = DateTime.UtcNow;
            await using (var db = await factory.CreateDbContextAsync(CancellationToken.None))
            {
                var rows = await db.Inbox.AsNoTracking().Where(i => i.HandledAt != null && i.HandledAt >= since)
                    .Select(i => new { i.ExternalId, i.ReceivedAt, i.HandledAt }).ToListAsync(CancellationToken.None);
                foreach (var row in rows)
                {
                    latencies.TryAdd(long.Parse(row.ExternalId, CultureInfo.InvariantCulture), row.HandledAt!.Value - row.ReceivedAt);
                }
            }

            // HandledAt is taken before the write is committed: look again a few seconds back.
            since = lookedAt.AddSeconds(-5);
            if (stop.IsCancellationRequested)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), CancellationToken.None);
        }
    }

    private readonly record struct Offered(long UpdateId, long ChatId, int Step, DateTimeOffset OfferedAt, TimeSpan Elapsed);
}
