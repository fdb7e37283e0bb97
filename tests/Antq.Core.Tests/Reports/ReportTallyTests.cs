using Antq.Core.Pledges;
using Antq.Core.Reports;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Tests.Storage;
using Antq.Core.Locale;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Reports;

/// <summary>The tally scenarios on a SQLite file.</summary>
public sealed class SqliteReportTallyTests() : ReportTallyTests(DatabaseProvider.Sqlite);

/// <summary>The same scenarios on the tests' PostgreSQL server.</summary>
public sealed class PostgresReportTallyTests() : ReportTallyTests(DatabaseProvider.Postgres);

/// <summary>
/// The report's running counts on a real database, on both providers: the triggers keep them right through signing,
/// withdrawing, correcting, moving and deleting, and they always equal the counts made again from the facts.
/// </summary>
public abstract class ReportTallyTests(DatabaseProvider provider) : DatabaseTests(provider)
{
    [Fact]
    public async Task A_signer_counts_once_a_year_in_their_unit_until_their_last_pledge_is_withdrawn()
    {
        await using var db = Db();
        var traffic = Pledge("traffic", SignerKind.Household, "household|nguyen van a|so 1", "k1", 2024, PledgeSource.Chat);
        var security = Pledge("security", SignerKind.Household, "household|nguyen van a|so 1", "k1", 2024, PledgeSource.Chat);
        var business = Pledge("security", SignerKind.Business, "business|tap hoa b|so 2", "k3", 2024, PledgeSource.Paper);
        var next = Pledge("traffic", SignerKind.Household, "household|tran thi c|so 3", "k1", 2025, PledgeSource.Paper);
        db.Pledges.AddRange(traffic, security, business, next);
        await db.SaveChangesAsync();

        Assert.Equal(
            ["2024 k1 security Chat 1", "2024 k1 traffic Chat 1", "2024 k3 security Paper 1", "2025 k1 traffic Paper 1"],
            await PledgeTalliesAsync(db));
        Assert.Equal(["2024 k1 Household 1", "2024 k3 Business 1", "2025 k1 Household 1"], await SignerTalliesAsync(db));

        // One of the household's two pledges withdrawn: it still counts as a signer; the second withdrawn: no longer.
        traffic.WithdrawnAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        Assert.Contains("2024 k1 Household 1", await SignerTalliesAsync(db));
        Assert.DoesNotContain("2024 k1 traffic Chat 1", await PledgeTalliesAsync(db));
        security.WithdrawnAt = DateTime.UtcNow;
        await db.SaveChangesAsync();
        Assert.DoesNotContain(await SignerTalliesAsync(db), t => t.StartsWith("2024 k1", StringComparison.Ordinal));

        // Signed again; a correction of the signer's name and unit moves them; a deleted pledge leaves the counts.
        security.WithdrawnAt = null;
        next.SignerKey = "household|tran thi cuc|so 3";
        next.UnitId = "k2";
        await db.SaveChangesAsync();
        db.Pledges.Remove(business);
        await db.SaveChangesAsync();

        Assert.Equal(["2024 k1 security Chat 1", "2025 k2 traffic Paper 1"], await PledgeTalliesAsync(db));
        Assert.Equal(["2024 k1 Household 1", "2025 k2 Household 1"], await SignerTalliesAsync(db));
        await AssertKeptEqualsCountedAsync(db);
    }

    [Fact]
    public async Task A_resident_is_counted_in_the_local_year_of_their_consent_and_moves_with_their_ward_and_status()
    {
        // Vietnam keeps UTC+7 all year (the triggers add seven hours rather than read a time zone).
        foreach (var year in new[] { 1980, 2000, 2016, 2024, 2026, 2040 })
        {
            Assert.Equal(TimeSpan.FromHours(7), LocalTime.Zone.GetUtcOffset(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.Equal(TimeSpan.FromHours(7), LocalTime.Zone.GetUtcOffset(new DateTime(year, 7, 1, 0, 0, 0, DateTimeKind.Utc)));
        }

        await using var db = Db();
        var newYearsEve = Resident("1", "chi-lang", "k1", new DateTime(2024, 12, 31, 16, 59, 59, DateTimeKind.Utc)); // 23:59:59 local
        var newYear = Resident("2", "chi-lang", "k1", new DateTime(2024, 12, 31, 17, 0, 0, 1, DateTimeKind.Utc)); // 00:00 on 1 January, local
        var noConsent = Resident("3", "chi-lang", "k1", null);
        var noWard = Resident("4", null, null, new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc));
        db.Residents.AddRange(newYearsEve, newYear, noConsent, noWard);
        await db.SaveChangesAsync();
        Assert.Equal(["  2025 Active 1", "chi-lang k1 2024 Active 1", "chi-lang k1 2025 Active 1"], await ResidentTalliesAsync(db));

        newYearsEve.Status = ResidentStatus.Blocked;
        newYear.WardId = "dong-kinh";
        newYear.UnitId = "dk1";
        noConsent.ConsentedAt = new DateTime(2026, 1, 5, 3, 0, 0, DateTimeKind.Utc);
        noWard.WardId = "chi-lang";
        noWard.UnitId = "k2";
        await db.SaveChangesAsync();
        db.Residents.Remove(newYearsEve);
        await db.SaveChangesAsync();

        Assert.Equal(["chi-lang k1 2026 Active 1", "chi-lang k2 2025 Active 1", "dong-kinh dk1 2025 Active 1"], await ResidentTalliesAsync(db));
        await AssertKeptEqualsCountedAsync(db);
    }

    /// <summary>
    /// The migration holds its trigger SQL as text, so editing the live definition cannot change what new databases
    /// get; until a migration of its own carries an edit, the two must be the same text.
    /// </summary>
    [Fact]
    public async Task The_initial_migration_creates_the_tally_triggers_the_code_describes()
    {
        await using var db = Db();
        List<string> created;
        if (Provider == DatabaseProvider.Postgres)
        {
            Assert.Equal(PostgresTallyTriggers.Create.ReplaceLineEndings("\n"), Antq.Core.Storage.Migrations.Postgres.Initial.TallyTriggers.ReplaceLineEndings("\n"));
            created = await db.Database.SqlQueryRaw<string>("""SELECT "tgname"::text AS "Value" FROM "pg_trigger" WHERE NOT "tgisinternal" """).ToListAsync();
        }
        else
        {
            Assert.Equal(ReportTallies.Triggers.ReplaceLineEndings("\n"), Antq.Core.Storage.Migrations.Initial.TallyTriggers.ReplaceLineEndings("\n"));
            created = await db.Database.SqlQueryRaw<string>("""SELECT "name" AS "Value" FROM "sqlite_master" WHERE "type" = 'trigger'""").ToListAsync();
        }

        Assert.Equal(ReportTallies.TriggerNames.Order(StringComparer.Ordinal), created.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Withdrawing_all_of_a_signers_pledges_in_one_statement_takes_the_signer_off_once()
    {
        await using var db = Db();
        db.Pledges.AddRange(
            Pledge("traffic", SignerKind.Household, "household|le van d|so 4", "k1", 2026, PledgeSource.Chat),
            Pledge("security", SignerKind.Household, "household|le van d|so 4", "k1", 2026, PledgeSource.Chat),
            Pledge("security", SignerKind.Household, "household|pham thi e|so 5", "k1", 2026, PledgeSource.Chat));
        await db.SaveChangesAsync();
        Assert.Equal(["2026 k1 Household 2"], await SignerTalliesAsync(db));

        // Erasure and bulk corrections change many rows in one statement; the count must follow each row.
        var withdrawn = await db.Pledges.Where(p => p.SignerKey == "household|le van d|so 4")
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.WithdrawnAt, new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(2, withdrawn);
        Assert.Equal(["2026 k1 Household 1"], await SignerTalliesAsync(db));
        Assert.Equal(["2026 k1 security Chat 1"], await PledgeTalliesAsync(db));
        await AssertKeptEqualsCountedAsync(db);
    }

    private AntqDb Db() => Contexts.CreateDbContext();

    /// <summary>What the triggers kept equals what <see cref="ReportTallies.FillOn"/> counts from the facts.</summary>
    private async Task AssertKeptEqualsCountedAsync(AntqDb db)
    {
        var pledges = await PledgeTalliesAsync(db);
        var signers = await SignerTalliesAsync(db);
        var residents = await ResidentTalliesAsync(db);
        await db.Database.ExecuteSqlRawAsync(ReportTallies.FillOn(Provider));
        Assert.Equal(pledges, await PledgeTalliesAsync(db));
        Assert.Equal(signers, await SignerTalliesAsync(db));
        Assert.Equal(residents, await ResidentTalliesAsync(db));
    }

    private static async Task<List<string>> PledgeTalliesAsync(AntqDb db) =>
        [.. (await db.PledgeTallies.AsNoTracking().Where(t => t.Pledges != 0).ToListAsync())
            .Select(t => $"{t.CampaignYear} {t.UnitId} {t.TypeId} {t.Source} {t.Pledges}").Order(StringComparer.Ordinal)];

    private static async Task<List<string>> SignerTalliesAsync(AntqDb db) =>
        [.. (await db.SignerTallies.AsNoTracking().Where(t => t.Signers != 0).ToListAsync())
            .Select(t => $"{t.CampaignYear} {t.UnitId} {t.SignerKind} {t.Signers}").Order(StringComparer.Ordinal)];

    private static async Task<List<string>> ResidentTalliesAsync(AntqDb db) =>
        [.. (await db.ResidentTallies.AsNoTracking().Where(t => t.Residents != 0).ToListAsync())
            .Select(t => $"{t.WardId} {t.UnitId} {t.ConsentYear} {t.Status} {t.Residents}").Order(StringComparer.Ordinal)];

    private static Pledge Pledge(string type, SignerKind kind, string key, string unit, int year, PledgeSource source) => new()
    {
        Number = $"CK{year}-{Guid.NewGuid():N}"[..20],
        TypeId = type,
        TextVersion = "1",
        SignerKind = kind,
        SignerName = key,
        SignerKey = key,
        WardId = "chi-lang",
        UnitId = unit,
        CampaignYear = year,
        Source = source,
        SignedAt = new DateTime(year, 3, 15, 2, 0, 0, DateTimeKind.Utc),
    };

    private static Resident Resident(string id, string? ward, string? unit, DateTime? consented) => new()
    {
        Channel = "telegram",
        ExternalUserId = id,
        ChatId = id,
        Language = "vi",
        WardId = ward,
        UnitId = unit,
        ConsentedAt = consented,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
