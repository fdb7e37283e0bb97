using System.Diagnostics;
using System.Globalization;
using Antq.Core.Areas;
using Antq.Core.Reports;
using Microsoft.Data.Sqlite;

namespace Antq.Benchmarks;

/// <summary>
/// A province's ten years (2016–2025) made with set-based INSERT … SELECT over recursive CTEs, straight into the
/// migrated schema: residents, broadcasts and their deliveries, events and answers, tips, pledges. Secondary
/// indexes are dropped while loading and built again after, as a bulk load would.
/// </summary>
internal sealed class ReportData(string file, double scale, TextWriter log)
{
    public const int Wards = 100;
    public const int UnitsPerWard = 20;
    private const long Start = 1451606400; // 2016-01-01 00:00 UTC
    private const long TenYears = 315_532_800; // 2016-01-01 → 2026-01-01

    public int Residents => (int)(2_000_000 * scale);

    public int Broadcasts => (int)(5_000 * scale);

    public int PerBroadcast => 4_000;

    public int PledgesPerYear => (int)(200_000 * scale);

    public int Tips => (int)(50_000 * scale);

    public static AreaTree Areas()
    {
        var wards = Enumerable.Range(0, Wards).Select(w => new Ward(
            $"w{w}", $"{w + 1}", AreaKind.Ward, Enumerable.Range(0, UnitsPerWard).Select(u => new Unit($"w{w}-u{u}", $"{u + 1}", AreaKind.Block, $"w{w}")).ToList()));
        return new AreaTree("Tỉnh mẫu", wards.ToList());
    }

    public async Task<TimeSpan> GenerateAsync()
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await ExecAsync(connection, "PRAGMA synchronous=OFF; PRAGMA cache_size=-400000; PRAGMA temp_store=MEMORY;");
        var indexes = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND tbl_name IN ('residents','outbox','pledges','tips','event_rsvps','tip_events','events','broadcasts')";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var sql in indexes)
        {
            var name = sql.Split('"')[1];
            await ExecAsync(connection, $"DROP INDEX \"{name}\"");
        }

        // The report's tallies are counted once after the load, not row by row.
        foreach (var trigger in ReportTallies.TriggerNames)
        {
            await ExecAsync(connection, $"DROP TRIGGER {trigger}");
        }

        var n = Residents;
        await Step(connection, $"{n:N0} residents", $"""
            WITH RECURSIVE i(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM i WHERE id < {n})
            INSERT INTO residents (Id, Channel, ExternalUserId, ChatId, Language, WardId, UnitId, Topics, ConsentedAt, Status, CreatedAt, UpdatedAt)
            SELECT id, 'telegram', id, id, 'vi', 'w' || (id % {Wards}), 'w' || (id % {Wards}) || '-u' || ((id / {Wards}) % {UnitsPerWard}), 15,
                   {Time($"{Start} + (id * 7919 % {n}) * ({TenYears} / {n})")}, CASE WHEN id % 20 = 0 THEN 2 ELSE 0 END,
                   {Time($"{Start} + (id * 7919 % {n}) * ({TenYears} / {n})")}, {Time($"{Start} + (id * 7919 % {n}) * ({TenYears} / {n})")}
            FROM i
            """);

        var b = Broadcasts;
        await Step(connection, $"{b:N0} broadcasts", $"""
            WITH RECURSIVE i(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM i WHERE id < {b})
            INSERT INTO broadcasts (Id, OfficerId, Text, Topic, WardIds, ScheduledFor, Recurrence, Weekdays, Status, CreatedAt, StartedAt, FinishedAt, Recipients)
            SELECT id, 1, 'Tin tuyên truyền ' || id, id % 6, CASE WHEN id % 5 = 0 THEN NULL ELSE 'w' || (id % {Wards}) END,
                   {Time($"{Start} + id * ({TenYears} / {b})")}, 0, 0, 2, {Time($"{Start} + id * ({TenYears} / {b})")},
                   {Time($"{Start} + id * ({TenYears} / {b})")}, {Time($"{Start} + id * ({TenYears} / {b}) + 3600")}, {PerBroadcast}
            FROM i
            """);

        // A ward's broadcast reaches residents of that ward; a city-wide one residents anywhere. 1 in 20 fails, 1 in 25 is blocked.
        const int chunk = 250;
        for (var first = 1; first <= b; first += chunk)
        {
            await Step(connection, first == 1 ? $"{(long)b * PerBroadcast:N0} deliveries, {chunk} broadcasts a statement" : null, $"""
                WITH RECURSIVE k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < {PerBroadcast - 1})
                INSERT INTO "outbox" ("Channel", "ChatId", "Priority", "Payload", "Status", "Attempts", "CreatedAt", "NotBefore", "SentAt", "BroadcastId")
                SELECT 'telegram',
                       CASE WHEN br."WardIds" IS NULL THEN ((br."Id" * 7919 + k * 37) % {n}) + 1
                            ELSE ((br."Id" * 7919 + k) % ({n} / {Wards})) * {Wards} + (br."Id" % {Wards}) END,
                       2, 'x', CASE WHEN k % 20 = 0 THEN 3 WHEN k % 25 = 1 THEN 4 ELSE 2 END, 1, br."StartedAt", br."StartedAt", br."StartedAt", br."Id"
                FROM "broadcasts" br, k WHERE br."Id" BETWEEN {first} AND {Math.Min(b, first + chunk - 1)}
                """);
            if (first % 1000 == 1)
            {
                log.WriteLine($"    … {Math.Min(b, first + chunk - 1):N0}/{b:N0} broadcasts expanded, {clock.Elapsed.TotalSeconds:0} s");
            }
        }

        var events = Wards * 10 * 3;
        await Step(connection, $"{events:N0} events (a festival day per ward and year) and 100 answers each", $"""
            WITH RECURSIVE i(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM i WHERE id < {events})
            INSERT INTO events (Id, OfficerId, Title, Description, WardId, Place, StartsAt, EndsAt, Status, ReminderMinutes, RemindersSent, CreatedAt)
            SELECT id, 1, CASE WHEN id % 3 = 0 THEN 'Ngày hội Toàn dân bảo vệ ANTQ' ELSE 'Họp dân' END, '', 'w' || (id % {Wards}), 'Nhà văn hoá',
                   {Time($"{Start} + (id / {Wards}) * ({TenYears} / {events / Wards}) + 86400 * 30")}, {Time($"{Start} + (id / {Wards}) * ({TenYears} / {events / Wards}) + 86400 * 30 + 7200")},
                   CASE WHEN id % 50 = 0 THEN 1 ELSE 0 END, '4320,1440,120', 7, {Time($"{Start}")}
            FROM i;
            WITH RECURSIVE k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < 99)
            INSERT INTO event_rsvps (EventId, Channel, ChatId, Coming, AnsweredAt)
            SELECT e.Id, 'telegram', (k * {Wards}) + (e.Id % {Wards}) + {Wards}, k % 4 <> 0, e.CreatedAt FROM events e, k;
            """);

        var t = Tips;
        await Step(connection, $"{t:N0} tips", $"""
            WITH RECURSIVE i(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM i WHERE id < {t})
            INSERT INTO tips (Id, Code, Kind, CategoryId, WardId, UnitId, OccurredWhen, Description, Anonymous, Language, Status, CreatedAt, FirstResponseAt)
            SELECT id, printf('T%07d', id), 0,
                   CASE id % 10 WHEN 0 THEN 'drugs' WHEN 1 THEN 'theft' WHEN 2 THEN 'gambling' WHEN 3 THEN 'traffic' WHEN 4 THEN 'fire'
                                WHEN 5 THEN 'fireworks' WHEN 6 THEN 'public-order' WHEN 7 THEN 'scams' WHEN 8 THEN 'suspicious' ELSE 'other' END,
                   'w' || (id % {Wards}), 'w' || (id % {Wards}) || '-u' || ((id / {Wards}) % {UnitsPerWard}), 'today', 'x', id % 3 = 0, 'vi', id % 6,
                   {Time($"{Start} + id * ({TenYears} / {t})")}, CASE WHEN id % 5 = 0 THEN NULL ELSE {Time($"{Start} + id * ({TenYears} / {t}) + (id % 720) * 60")} END
            FROM i;
            INSERT INTO tip_events (TipId, At, Kind, ToStatus) SELECT Id, CreatedAt, 1, 2 FROM tips WHERE Status = 5 AND Id % 2 = 0;
            """);

        var p = PledgesPerYear * 10;
        await Step(connection, $"{p:N0} pledges ({PledgesPerYear:N0} a year, two a signer)", $"""
            WITH RECURSIVE i(id) AS (SELECT 0 UNION ALL SELECT id + 1 FROM i WHERE id < {p - 1})
            INSERT INTO pledges (Number, TypeId, TextVersion, SignerKind, SignerName, SignerKey, WardId, UnitId, CampaignYear, Source, SignedAt)
            SELECT 'CK' || id, CASE id % 4 WHEN 0 THEN 'traffic' WHEN 1 THEN 'security' WHEN 2 THEN 'fireworks' ELSE 'fire' END, '1',
                   CASE WHEN (id / 14) % 10 < 7 THEN 'Household' WHEN (id / 14) % 10 < 9 THEN 'Business' ELSE 'School' END,
                   'Nguyễn Văn ' || (id / 2), 'nguyen van ' || (id / 2) || '|so ' || (id / 2) || ' duong tran hung dao',
                   'w' || ((id / 2) % {Wards}), 'w' || ((id / 2) % {Wards}) || '-u' || (((id / 2) / ({Wards} * 10)) % {UnitsPerWard}),
                   2016 + (((id / 2) / {Wards}) % 10), CASE WHEN id % 3 = 0 THEN 'Paper' ELSE 'Chat' END,
                   {Time($"{Start} + (((id / 2) / {Wards}) % 10) * 31557600 + 86400 * 60 + (id % 200) * 86400")}
            FROM i
            """);

        var indexClock = Stopwatch.StartNew();
        foreach (var sql in indexes)
        {
            await ExecAsync(connection, sql);
        }

        log.WriteLine($"  indexes built again in {indexClock.Elapsed.TotalSeconds:0} s");
        await Step(connection, "report tallies counted (pledges, signers, residents, deliveries of each finished broadcast by ward and unit)", ReportTallies.Fill);
        await ExecAsync(connection, ReportTallies.Triggers);
        await ExecAsync(connection, "PRAGMA optimize;");

        // A database in service has had its log copied back long since: the report reads the file, not a 4 GB log.
        await ExecAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return clock.Elapsed;
    }

    private static string Time(string unixSeconds) => $"strftime('%Y-%m-%d %H:%M:%S', {unixSeconds}, 'unixepoch')";

    private async Task Step(SqliteConnection connection, string? what, string sql)
    {
        var clock = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        if (what is not null)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what}: {clock.Elapsed.TotalSeconds:0.0} s"));
        }
    }

    private static async Task ExecAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
