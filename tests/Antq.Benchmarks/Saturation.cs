using System.Diagnostics;
using System.Globalization;
using Antq.Core.Storage;
using Antq.Testing;

namespace Antq.Benchmarks;

internal sealed record SaturationResult(
    int Residents,
    int Updates,
    int Handled,
    TimeSpan DbSpan,
    double DbRate,
    TimeSpan EndToEndSpan,
    double EndToEndRate,
    int Replies,
    Distribution HandleLatency,
    double CpuMsPerUpdate,
    double GateMsPerUpdate,
    double GateBusy,
    string Writer,
    double AllocatedKbPerUpdate,
    string PostedByInstance);

/// <summary>
/// Closed loop: every resident sends its next input as soon as all replies to the previous one have reached the
/// fake, so the bot is kept as busy as it can be by 1,000 concurrent residents.
/// </summary>
internal static class Saturation
{
    public const long ChatBase = 10_000_001;
    private const long WarmUpChatBase = 20_000_001;

    public static async Task<SaturationResult> RunAsync(int residents, int warmUpResidents, TextWriter log)
    {
        await using var bot = await BotUnderTest.StartAsync(instances: BenchInstances.Count, webhook: BenchInstances.Webhook);
        log.WriteLine("  " + BenchInstances.SaturationSetUp().Replace("`", "", StringComparison.Ordinal));
        var script = new Script(bot.Areas, withErase: false);
        var feed = new UpdateFeed(bot);
        var expected = await Calibration.RunAsync(bot, script, feed, chatId: 9_000_001, cycles: 1);

        // The fake keeps no log of calls from here on: its bookkeeping is not the bot's work (the real Bot API runs elsewhere).
        bot.Fake.RecordCalls = false;
        log.WriteLine($"  replies per step: {string.Join(", ", expected.Select((c, i) => $"{Script.StepNames[i]}={c}"))}");

        if (warmUpResidents > 0)
        {
            await WarmUp.RunAsync(bot, script, feed, expected, WarmUpChatBase, warmUpResidents, log);
        }

        log.WriteLine($"  measured: {residents} residents through onboarding");
        using var jit = Environment.GetEnvironmentVariable("ANTQ_BENCH_JIT") == "1" ? new JitWatch() : null;
        jit?.Start();
        using var allocations = Environment.GetEnvironmentVariable("ANTQ_BENCH_ALLOC") == "1" ? new AllocationWatch() : null;
        allocations?.Start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var held = bot.GateHeldSeconds;
        var writerBefore = bot.WriterBreakdown();
        var postedBefore = bot.Webhook?.Posted;
        var (e2eSpan, replies) = await ClosedLoopAsync(bot, script, feed, expected, ChatBase, residents, log);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        held = bot.GateHeldSeconds - held;
        var posted = postedBefore is null ? "" : string.Join(" / ", bot.Webhook!.Posted.Select((p, i) => (p - postedBefore[i]).ToString("N0", CultureInfo.InvariantCulture)));
        if (posted.Length > 0)
        {
            log.WriteLine($"  updates posted to each instance's webhook: {posted}");
        }
        var allocatedKb = (GC.GetTotalAllocatedBytes() - allocated) / 1024.0 / (residents * script.Length);
        log.WriteLine($"  memory: {allocatedKb:0.0} KB allocated per update (whole process), {GC.CollectionCount(0) - collections} gen0 collections");
        var breakdown = Breakdown(writerBefore, bot.WriterBreakdown(), held, residents * script.Length);
        log.WriteLine("  writer per update: " + breakdown);
        if (allocations is not null)
        {
            log.WriteLine($"  allocations sampled: {allocations.Total / 1024.0 / (residents * script.Length):0.0} KB per update; by type:");
            foreach (var (type, bytes) in allocations.Top(40))
            {
                log.WriteLine($"    {bytes / 1024.0 / (residents * script.Length),6:0.0} KB  {type}");
            }
        }

        if (jit is not null)
        {
            log.WriteLine($"  JIT: {jit.Total} methods compiled during the measured loop; most often:");
            foreach (var (method, count) in jit.Top(25))
            {
                log.WriteLine($"    {count,5}  {method}");
            }
        }

        var inbox = (await bot.InboxAsync()).Where(i => InRange(i.ChatId, residents)).ToList();
        var outbox = (await bot.OutboxAsync()).Where(o => InRange(o.ChatId, residents)).ToList();
        var handled = inbox.Where(i => i.HandledAt is not null).ToList();
        var dbSpan = outbox.Max(o => o.CreatedAt) - inbox.Min(i => i.ReceivedAt);
        var updates = residents * script.Length;
        return new SaturationResult(
            residents,
            updates,
            handled.Count,
            dbSpan,
            handled.Count / dbSpan.TotalSeconds,
            e2eSpan,
            updates / e2eSpan.TotalSeconds,
            replies,
            Distribution.Of(handled.Select(i => i.HandledAt!.Value - i.ReceivedAt)),
            cpu.TotalMilliseconds / updates,
            held * 1000 / updates,
            held / e2eSpan.TotalSeconds,
            breakdown,
            allocatedKb,
            posted);
    }

    /// <summary>The writer's held time per update by kind of unit, so a change shows where it moved the writer.</summary>
    private static string Breakdown(WriterBreakdown before, WriterBreakdown after, double heldSeconds, int updates)
    {
        var earlier = before.Units.ToDictionary(u => u.Origin);
        var commits = after.Commits - before.Commits;
        var commitSeconds = after.CommitSeconds - before.CommitSeconds;
        var units = after.Units.Select(u => earlier.TryGetValue(u.Origin, out var b) ? u with { Count = u.Count - b.Count, Seconds = u.Seconds - b.Seconds } : u)
            .Where(u => u.Count > 0).OrderByDescending(u => u.Seconds).ToList();
        var parts = units.Select(u => $"{u.Origin} {u.Seconds * 1000 / updates:0.000} ms ({u.Count / (double)updates:0.00} a update, {u.Seconds * 1e6 / u.Count:0} µs each)").ToList();
        parts.Add($"commits {commitSeconds * 1000 / updates:0.000} ms ({commits} commits, {updates / (double)Math.Max(commits, 1):0.0} updates each)");
        var rest = heldSeconds - units.Sum(u => u.Seconds) - commitSeconds;
        parts.Add($"the rest (begin, savepoints, waits inside the gate) {rest * 1000 / updates:0.000} ms");
        return string.Join("; ", parts);
    }

    private static bool InRange(string chatId, int residents) =>
        long.TryParse(chatId, out var chat) && chat >= ChatBase && chat < ChatBase + residents;

    /// <summary>Runs the residents to the end of the script; returns the span from the first input queued to the last reply received, and the replies seen.</summary>
    internal static async Task<(TimeSpan Span, int Replies)> ClosedLoopAsync(
        BotUnderTest bot, Script script, UpdateFeed feed, int[] expected, long chatBase, int count, TextWriter log)
    {
        var states = Enumerable.Range(0, count).Select(i => new Resident(i, chatBase + i, expected[0])).ToArray();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var left = count;
        var replies = 0;
        var lastReply = DateTimeOffset.MinValue;
        var lastReplyGate = new Lock();

        void OnCall(RecordedCall call)
        {
            if (!Script.IsReply(call, out var chat) || chat < chatBase || chat >= chatBase + count)
            {
                return;
            }

            Interlocked.Increment(ref replies);
            lock (lastReplyGate)
            {
                if (call.ReceivedAt > lastReply)
                {
                    lastReply = call.ReceivedAt;
                }
            }

            var resident = states[chat - chatBase];
            lock (resident)
            {
                resident.LastMessageId = Script.MessageId(call);
                if (--resident.Remaining > 0)
                {
                    return;
                }

                if (resident.Remaining < 0)
                {
                    finished.TrySetException(new InvalidOperationException($"Chat {chat} got more replies than calibrated at step {resident.Step}."));
                    return;
                }

                resident.Step++;
                if (resident.Step == script.Length)
                {
                    if (Interlocked.Decrement(ref left) == 0)
                    {
                        finished.TrySetResult();
                    }

                    return;
                }

                resident.Remaining = expected[resident.Step];
                var step = resident.Step;
                var messageId = resident.LastMessageId;
                feed.Enqueue(id => script.Input(step, id, resident.ChatId, resident.Index, messageId), route: resident.Index + step);
            }
        }

        bot.Fake.OnCall += OnCall;
        try
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            foreach (var resident in states)
            {
                feed.Enqueue(id => script.Input(0, id, resident.ChatId, resident.Index, 0), route: resident.Index);
            }

            while (!finished.Task.IsCompleted)
            {
                feed.ThrowIfFailed();
                if (clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    var stuck = states.Where(s => s.Step < script.Length).Take(5).Select(s => $"{s.ChatId}@{s.Step}/{s.Remaining}");
                    throw new TimeoutException($"Closed loop did not finish within 5 minutes; {Volatile.Read(ref left)} residents left (e.g. {string.Join(", ", stuck)}).");
                }

                await Task.WhenAny(finished.Task, Task.Delay(TimeSpan.FromSeconds(5)));
                if (!finished.Task.IsCompleted)
                {
                    log.WriteLine($"    {clock.Elapsed.TotalSeconds:0}s: {Volatile.Read(ref replies)} replies, {Volatile.Read(ref left)} residents left");
                }
            }

            await finished.Task;
            lock (lastReplyGate)
            {
                return (lastReply - started, Volatile.Read(ref replies));
            }
        }
        finally
        {
            bot.Fake.OnCall -= OnCall;
        }
    }

    private sealed class Resident(int index, long chatId, int remaining)
    {
        public int Index { get; } = index;

        public long ChatId { get; } = chatId;

        public int Step { get; set; }

        public int Remaining { get; set; } = remaining;

        public int LastMessageId { get; set; }
    }
}

