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

/// <summary>The data a broadcast scenario runs on: the subscribers, the due broadcast, and reads of the queue.</summary>
internal static partial class BroadcastDelivery
{
    /// <summary>
    /// Consenting active residents spread over every ward and unit of config/areas.json, with one to four topics
    /// each, written by one INSERT … SELECT over a recursive CTE on the host's database (quoted names: SQLite and
    /// PostgreSQL alike); and an admin officer.
    /// </summary>
    private static async Task<long> SeedAsync(BotUnderTest bot, int subscribers)
    {
        var places = bot.Areas.Wards.SelectMany(w => w.Units.Count == 0 ? [(Ward: w.Id, Unit: (string?)null)] : w.Units.Select(u => (Ward: w.Id, Unit: (string?)u.Id))).ToList();
        var now = DateTime.UtcNow;
        var factory = bot.App.Services.GetRequiredService<IDbContextFactory<AntqDb>>();
        var gate = bot.App.Services.GetRequiredService<WriteGate>();
        await using var db = await factory.CreateDbContextAsync();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            await db.Database.OpenConnectionAsync();
            var connection = db.Database.GetDbConnection();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var values = string.Join(", ", places.Select((_, i) => $"({i}, @w{i}, @u{i})"));
            for (var i = 0; i < places.Count; i++)
            {
                Add(command, "@w" + i, places[i].Ward);
                Add(command, "@u" + i, (object?)places[i].Unit ?? DBNull.Value);
            }

            command.CommandText = $"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count),
                places(k, ward, unit) AS (VALUES {values})
                INSERT INTO "residents" ("Channel", "ExternalUserId", "ChatId", "Language", "WardId", "UnitId", "Topics", "ConsentedAt", "ConsentRefusedAt", "Status", "CreatedAt", "UpdatedAt")
                SELECT @channel, CAST(@base + i AS TEXT), CAST(@base + i AS TEXT), CASE WHEN i % 10 = 0 THEN 'en' ELSE 'vi' END,
                       p.ward, p.unit, (i % 15) + 1, @now, NULL, 0, @now, @now
                FROM n JOIN places AS p ON p.k = i % @places
                """;
            Add(command, "@count", subscribers);
            Add(command, "@places", places.Count);
            Add(command, "@channel", TelegramChannel.ChannelName);
            Add(command, "@base", ChatBase);
            Add(command, "@now", now);
            var inserted = await command.ExecuteNonQueryAsync();
            if (inserted != subscribers)
            {
                throw new InvalidOperationException($"Seeding wrote {inserted} residents, not {subscribers}.");
            }

            await transaction.CommitAsync();
        }

        var officer = new Officer
        {
            Channel = TelegramChannel.ChannelName,
            ExternalUserId = OfficerChat.ToString(CultureInfo.InvariantCulture),
            ChatId = OfficerChat.ToString(CultureInfo.InvariantCulture),
            DisplayName = "Benchmark admin",
            Role = OfficerRole.Admin,
            AddedAt = now,
        };
        using (await gate.EnterAsync(CancellationToken.None))
        {
            db.Officers.Add(officer);
            await db.SaveChangesAsync();
        }

        return officer.Id;
    }

    /// <summary>A city-wide urgent alert, due now, as the /broadcast flow stores a scheduled one.</summary>
    private static async Task<long> ScheduleAsync(BotUnderTest bot, long officerId)
    {
        var factory = bot.App.Services.GetRequiredService<IDbContextFactory<AntqDb>>();
        var gate = bot.App.Services.GetRequiredService<WriteGate>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var broadcast = new Broadcast
        {
            OfficerId = officerId,
            Text = "Cảnh báo khẩn: mưa lớn, nguy cơ ngập úng. Người dân hạn chế ra đường, theo dõi thông báo của Công an phường.",
            Topic = BroadcastTopic.Urgent,
            WardIds = null,
            ScheduledFor = now,
            CreatedAt = now,
            Status = BroadcastStatus.Scheduled,
        };
        using (await gate.EnterAsync(CancellationToken.None))
        {
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync();
        }

        return broadcast.Id;
    }

    /// <summary>
    /// The SELECT inside <see cref="Antq.Core.Delivery.DeliveryQueue"/>'s lease statement (same WHERE, ORDER BY and
    /// LIMIT as a 100-row lease), timed on its own against the freshly expanded queue: the dispatcher runs it inside
    /// the write gate for every batch it takes.
    /// </summary>
    /// <summary>
    /// The lease's read, best of 3, for the channel with the broadcast queued and for one with nothing due (the
    /// dispatcher leases each channel in turn); the slower of the two.
    /// </summary>
    private static async Task<double> TimeLeaseQueryAsync(BotUnderTest bot)
    {
        if (BenchDatabase.OnPostgres)
        {
            // The statement above is SQLite's; PostgreSQL's plan is not what this figure is about.
            return double.NaN;
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + bot.DatabasePath + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM outbox WHERE Status = 0 AND Priority IN (0, 1, 2) AND NotBefore <= @now AND Channel IN (@c0) ORDER BY Priority, NotBefore, Id LIMIT 100";
        Add(command, "@now", DateTime.UtcNow.AddMinutes(1));
        Add(command, "@c0", TelegramChannel.ChannelName);
        var slowest = 0.0;
        foreach (var channel in new[] { TelegramChannel.ChannelName, Antq.Bot.Channels.WebChat.WebChatChannel.ChannelName })
        {
            command.Parameters["@c0"].Value = channel;
            var best = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                    }
                }

                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            slowest = Math.Max(slowest, best);
        }

        return slowest;
    }

    private static async Task<int> CountRowsAsync(BotUnderTest bot, long broadcastId)
    {
        await using var db = await bot.App.Services.GetRequiredService<IDbContextFactory<AntqDb>>().CreateDbContextAsync();
        return await db.Outbox.CountAsync(o => o.BroadcastId == broadcastId);
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
