using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Antq.Bot.Channels.Telegram;
using Antq.Core.Broadcasts;
using Antq.Core.Officers;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Benchmarks;

/// <summary>
/// Issue 6's delivery benchmarks: 175,726 subscribers seeded into the host's SQLite file, one city-wide urgent
/// broadcast expanded by the production clock (<see cref="BroadcastClock.TickAsync"/>), then the dispatcher sending
/// it to the fake Bot API (with or without a rate limit) while the rate is measured at the fake.
/// </summary>
internal static partial class BroadcastDelivery
{
    public const long ChatBase = 100_000_001;
    private const long ProbeChatBase = 98_000_001;
    private const long OfficerChat = 97_000_001;

    public static async Task<BroadcastResult> RunAsync(BroadcastScenario scenario, int subscribers, TimeSpan skip, TimeSpan window, TextWriter log)
    {
        var loadBefore = Machine.LoadAverage();
        await using var bot = await BotUnderTest.StartAsync(
            scenario.Settings,
            fake =>
            {
                if (scenario.FakeLimit is { } limit)
                {
                    fake.EnforceRateLimit(limit);
                }
            },
            BenchInstances.Count);
        bot.Fake.RecordCalls = false;
        using var sentBy = new InstanceCounter(bot, "antq_messages_sent", "outcome", "sent");

        var seed = Stopwatch.StartNew();
        var officerId = await SeedAsync(bot, subscribers);
        seed.Stop();
        log.WriteLine($"  seeded {subscribers:N0} residents in {seed.Elapsed.TotalSeconds:0.00} s");

        // Delivery times of broadcast messages at the fake (as read here, and as the fake server stamped the request),
        // and the probes' hand-out and first-reply times.
        var delivered = new long[subscribers + 1000];
        var stamped = new long[delivered.Length];
        var deliveredCount = 0;
        var duplicates = 0;
        var seen = new int[subscribers];
        var handedOut = new ConcurrentDictionary<long, long>();
        var probeChats = new ConcurrentDictionary<long, long>();
        var firstReply = new ConcurrentDictionary<long, long>();

        void OnCall(RecordedCall call)
        {
            var now = Stopwatch.GetTimestamp();
            if (call.Method == "getUpdates" && call.Succeeded && call.Result is JsonArray batch)
            {
                foreach (var update in batch)
                {
                    if (update?["update_id"] is JsonValue id && id.TryGetValue<long>(out var updateId))
                    {
                        handedOut.TryAdd(updateId, now);
                    }
                }

                return;
            }

            if (!call.Succeeded || !FakeBotApi.IsMessage(call.Method) || !long.TryParse(call.ChatId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chat))
            {
                return;
            }

            if (chat >= ChatBase && chat < ChatBase + subscribers)
            {
                var i = Interlocked.Increment(ref deliveredCount) - 1;
                if (i < delivered.Length)
                {
                    delivered[i] = now;
                    stamped[i] = call.ReceivedAt.UtcTicks;
                }

                if (Interlocked.Exchange(ref seen[chat - ChatBase], 1) == 1)
                {
                    Interlocked.Increment(ref duplicates);
                }
            }
            else if (chat >= ProbeChatBase && chat < ProbeChatBase + 1000)
            {
                firstReply.TryAdd(chat, now);
            }
        }

        bot.Fake.OnCall += OnCall;
        try
        {
            var feed = new UpdateFeed(bot);

            // One resident's /start before the broadcast, so the handling path is warm when the probes come.
            await ProbeAsync(feed, ProbeChatBase + 999, probeChats);
            await WaitForAsync(() => firstReply.ContainsKey(ProbeChatBase + 999), TimeSpan.FromSeconds(30));

            // (1) Expansion through the production clock: a due city-wide urgent broadcast, one tick.
            var clock = bot.App.Services.GetRequiredService<BroadcastClock>();
            var broadcastId = await ScheduleAsync(bot, officerId);
            var expandCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var expand = Stopwatch.StartNew();
            await clock.TickAsync(CancellationToken.None);
            expand.Stop();
            expandCpu = Process.GetCurrentProcess().TotalProcessorTime - expandCpu;
            var t0 = Stopwatch.GetTimestamp();
            var expanded = await CountRowsAsync(bot, broadcastId);
            log.WriteLine($"  expanded into {expanded:N0} delivery rows in {expand.Elapsed.TotalSeconds:0.000} s (due row → clock tick committed), {expandCpu.TotalSeconds:0.000} s of CPU");
            var leaseMs = await TimeLeaseQueryAsync(bot);
            log.WriteLine($"  the dispatcher's lease query over the queued rows (read only, best of 3; the slower of the broadcast's channel and one with nothing due): {leaseMs:0.0} ms");

            // Sending: the working set is sampled while it goes; probes are spread over the measured window.
            using var stop = new CancellationTokenSource();
            var peak = 0L;
            var sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!stop.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(100, CancellationToken.None);
                }
            });

            var end = skip + window;
            var cpuStart = TimeSpan.Zero;
            var windowStarted = false;
            var probesSent = 0;
            var lastReport = TimeSpan.Zero;
            while (true)
            {
                var elapsed = Stopwatch.GetElapsedTime(t0);
                if (!windowStarted && elapsed >= skip)
                {
                    windowStarted = true;
                    cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                }

                if (probesSent < scenario.Probes && elapsed >= skip + (window * (probesSent + 0.5) / scenario.Probes))
                {
                    await ProbeAsync(feed, ProbeChatBase + probesSent, probeChats);
                    probesSent++;
                }

                var done = Volatile.Read(ref deliveredCount);
                if (elapsed >= end || done >= expanded)
                {
                    break;
                }

                if (elapsed - lastReport >= TimeSpan.FromSeconds(10))
                {
                    lastReport = elapsed;
                    log.WriteLine($"    {elapsed.TotalSeconds:0}s: {done:N0} delivered, {bot.Fake.RateLimitedCount} answered 429");
                }

                await Task.Delay(20);
            }

            var measuredUntil = Stopwatch.GetElapsedTime(t0);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            await stop.CancelAsync();
            await sampler;

            // Let the last probes' replies come in before looking.
            await WaitForAsync(() => probeChats.Keys.All(firstReply.ContainsKey), TimeSpan.FromSeconds(10));
            bot.Fake.OnCall -= OnCall;

            var count = Math.Min(Volatile.Read(ref deliveredCount), delivered.Length);
            var times = delivered.Take(count).Select(t => Stopwatch.GetElapsedTime(t0, t)).Order().ToArray();
            // The window ends when the time is up, or earlier at the last message if the whole audience got it.
            var windowEnd = count >= expanded && times.Length > 0 && times[^1] < measuredUntil ? times[^1] : measuredUntil;
            if (windowEnd > end)
            {
                windowEnd = end;
            }

            var windowLength = windowEnd - skip;
            var inWindow = times.Count(t => t > skip && t <= windowEnd);
            var perSecond = Enumerable.Range(0, Math.Max(0, (int)Math.Floor(windowLength.TotalSeconds)))
                .Select(s => times.Count(t => t > skip + TimeSpan.FromSeconds(s) && t <= skip + TimeSpan.FromSeconds(s + 1)))
                .DefaultIfEmpty(0).ToArray();

            var probeLatencies = probeChats.Where(p => p.Key != ProbeChatBase + 999)
                .Select(p => firstReply.TryGetValue(p.Key, out var reply) && handedOut.TryGetValue(p.Value, out var handed) ? Stopwatch.GetElapsedTime(handed, reply) : (TimeSpan?)null)
                .ToList();
            var answered = probeLatencies.Where(l => l is not null).Select(l => l!.Value).ToList();
            var probes = Distribution.Of(answered);

            using var self = Process.GetCurrentProcess();
            return new BroadcastResult(
                scenario.Name,
                subscribers,
                seed.Elapsed.TotalSeconds,
                expand.Elapsed.TotalSeconds,
                expandCpu.TotalSeconds,
                expanded,
                leaseMs,
                skip.TotalSeconds,
                windowLength.TotalSeconds,
                count,
                inWindow,
                windowLength > TimeSpan.Zero ? inWindow / windowLength.TotalSeconds : 0,
                perSecond.Min(),
                perSecond.Max(),
                Volatile.Read(ref duplicates),
                bot.Fake.RateLimitedCount,
                probeLatencies.Count,
                answered.Count,
                probes.P50,
                probes.Max,
                peak / 1024.0 / 1024.0,
                self.PeakWorkingSet64 / 1024.0 / 1024.0,
                (measuredUntil - skip) > TimeSpan.Zero ? cpu / (measuredUntil - skip) : 0,
                loadBefore,
                Machine.LoadAverage(),
                Busiest(stamped.AsSpan(0, count)),
                string.Join(" / ", sentBy.Counts.Select(c => c.ToString("N0", CultureInfo.InvariantCulture))));
        }
        finally
        {
            bot.Fake.OnCall -= OnCall;
        }
    }

    /// <summary>
    /// The most messages in any rolling second of the whole run, by the fake server's stamps: the figure the channel's
    /// limit is about (the fixed seconds of the window can each hold 30 while a second across two of them holds more).
    /// </summary>
    private static int Busiest(Span<long> ticks)
    {
        ticks.Sort();
        var most = 0;
        var from = 0;
        for (var to = 0; to < ticks.Length; to++)
        {
            while (ticks[to] - ticks[from] >= TimeSpan.TicksPerSecond)
            {
                from++;
            }

            most = Math.Max(most, to - from + 1);
        }

        return most;
    }

    /// <summary>A "/start" from a new chat; remembers which update carries it.</summary>
    private static Task ProbeAsync(UpdateFeed feed, long chatId, ConcurrentDictionary<long, long> probeChats)
    {
        probeChats[chatId] = feed.Enqueue(id => UpdateFactory.Text(id, chatId, "/start"));
        return Task.CompletedTask;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < timeout)
        {
            await Task.Delay(10);
        }
    }
}
