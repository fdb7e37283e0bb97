using System.Diagnostics;
using System.Globalization;
using Antq.Core.Delivery;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Antq.Bot.Tests.Delivery;

/// <summary>
/// Two service processes on one PostgreSQL database and one fake Bot API, one killed with SIGKILL in the middle of a
/// broadcast: the other sends what the dead one held, nobody is missed, and no second goes over the limit.
/// </summary>
[Collection(TimingCollection.Name)]
public sealed class KilledInstanceTests(ITestOutputHelper output)
{
    private const int Limit = 20;
    private const int Recipients = 300;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_broadcast_survives_one_of_two_processes_killed_mid_way_with_duplicates_bounded_by_what_was_in_flight()
    {
        await using var api = await FakeBotApi.StartAsync();
        var database = await SharedPostgres.CreateDatabaseAsync();
        var folder = Directory.CreateTempSubdirectory("antq-kill-").FullName;
        // Started together, as a compose file starts them: one migrates while the other waits for it.
        var started = await Task.WhenAll(ServiceProcess.StartAsync(Settings(api, database, folder, "a"), Patience), ServiceProcess.StartAsync(Settings(api, database, folder, "b"), Patience));
        var first = started[0];
        try
        {
            await using var db = StorageRegistration.CreateContext(DatabaseProvider.Postgres, database);
            await Until(async () => await db.Instances.CountAsync() == 2, TimeSpan.FromSeconds(30));

            var now = DateTime.UtcNow;
            var chats = Enumerable.Range(0, Recipients).Select(i => (980_000 + i).ToString(CultureInfo.InvariantCulture)).ToList();
            foreach (var chat in chats)
            {
                OutboxRows.Queue(db, "telegram", chat, "Tin khẩn: mất điện khu phố 3", DeliveryPriority.Broadcast, now);
            }

            await db.SaveChangesAsync();
            await api.WaitForCallAsync(_ => Delivered(api).Count >= Recipients / 4, TimeSpan.FromSeconds(60));

            first.Kill();
            await first.WaitForExitAsync();
            var inFlight = await db.Outbox.CountAsync(o => o.Status == DeliveryStatus.InFlight);
            var killed = Stopwatch.GetTimestamp();

            await api.WaitForCallAsync(_ => Delivered(api).Select(c => c.ChatId).Distinct().Count() >= Recipients, TimeSpan.FromSeconds(90));
            var delivered = Delivered(api);
            var duplicates = delivered.Count - delivered.Select(c => c.ChatId).Distinct().Count();
            var times = delivered.Select(c => c.ReceivedAt).Order().ToList();
            var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
            output.WriteLine($"{inFlight} in flight at the kill; all reached {Stopwatch.GetElapsedTime(killed).TotalSeconds:0.0} s later; {duplicates} duplicates; busiest second {busiest}");

            Assert.Equal(chats.Order(), delivered.Select(c => c.ChatId!).Distinct().Order());
            Assert.InRange(duplicates, 0, inFlight);
            // Stamped by the fake server in this process while three processes share two cores: the slots of the one
            // killed stay held until the heartbeats say it is gone, so the survivor never crowds what it had on the way.
            Assert.InRange(busiest, 1, Limit);
        }
        finally
        {
            foreach (var instance in started)
            {
                await instance.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One instance's settings (its own folder for uploads; the route key shared, as instances share it).</summary>
    private static Dictionary<string, string?> Settings(FakeBotApi api, string database, string folder, string name)
    {
        var own = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["ConnectionStrings:Antq"] = database,
            ["Telegram:BotToken"] = api.Token, ["Telegram:ApiBaseUrl"] = api.BaseUrl, ["Telegram:PollingTimeoutSeconds"] = "1",
            ["Telegram:RateLimit:PerSecond"] = Limit.ToString(CultureInfo.InvariantCulture), ["Telegram:RateLimit:PerChatPerSecond"] = "50",
            ["Delivery:PollInterval"] = "00:00:00.100", ["Delivery:QuietHours"] = "off", ["Instances:DeadAfter"] = "00:00:03",
            ["WebChat:UploadsFolder"] = Path.Combine(own, "uploads"), ["Tips:RouteKeyFile"] = Path.Combine(folder, "route.key"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
    }

    private static async Task Until(Func<Task<bool>> done, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (!await done())
        {
            Assert.True(Stopwatch.GetTimestamp() < until, "the two instances did not both beat their hearts in time");
            await Task.Delay(200);
        }
    }

    private static List<RecordedCall> Delivered(FakeBotApi api) =>
        [.. api.CallsTo("sendMessage").Where(c => c.Succeeded && c.Field("text")?.StartsWith("Tin khẩn", StringComparison.Ordinal) == true)];
}
