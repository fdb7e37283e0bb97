using Antq.Bot.Tests.Pledges;
using Antq.Core.Pledges;
using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Core.Tips;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Bot.Tests.Storage;

/// <summary>Moving a city from SQLite to PostgreSQL with the command line: everything copied, checked, and only into an empty database.</summary>
public sealed class CopyToPostgresTests
{
    [Fact]
    public async Task A_city_is_copied_whole_into_an_empty_postgres_database_and_a_second_copy_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-copy-").FullName, "antq.db");
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(file, "officers", "add", "--channel", "zalo", "--id", "8402000000000001", "--name", "Trung úy Hà", "--role", "officer", "--ward", "chi lang")).Code);
        await using (var db = StorageRegistration.CreateContext(DatabaseProvider.Sqlite, "Data Source=" + file))
        {
            var at = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
            db.Residents.AddRange(Resident("1", at), Resident("2", at.AddYears(-1)), Resident("3", null));
            db.Pledges.AddRange(Pledge("traffic", "household|le van d|so 4", at), Pledge("security", "household|le van d|so 4", at), Pledge("security", "household|pham thi e|so 5", at));
            var tip = new Tip { Code = "AB12CD", CategoryId = "drugs", WardId = "chi-lang", OccurredWhen = "hôm qua", Description = "Có người lạ ra vào khu trọ lúc nửa đêm.", Language = "vi", Anonymous = true, CreatedAt = at };
            db.Tips.Add(tip);
            await db.SaveChangesAsync();
            db.TipAttachments.Add(new TipAttachment { TipId = tip.Id, FileId = "photo-1", Channel = "telegram", MimeType = "image/jpeg" });
            await db.SaveChangesAsync();
        }

        var target = await SharedPostgres.CreateDatabaseAsync();
        var copy = await PledgeJourneys.RunVerbAsync(file, "copy-to-postgres", "--to", target);

        Assert.True(copy.Code == 0, copy.Err);
        Assert.Contains("row counts and report tallies check out", copy.Out, StringComparison.Ordinal);
        await using (var pg = StorageRegistration.CreateContext(DatabaseProvider.Postgres, target))
        {
            Assert.Equal(3, await pg.Residents.CountAsync());
            Assert.Equal("Có người lạ ra vào khu trọ lúc nửa đêm.", (await pg.Tips.SingleAsync()).Description);
            Assert.Equal("photo-1", (await pg.TipAttachments.SingleAsync()).FileId);
            Assert.Single(await pg.Officers.ToListAsync());

            // Counted again by PostgreSQL's triggers from the copied facts: the household counts once.
            var signers = await pg.SignerTallies.Where(t => t.Signers != 0).ToListAsync();
            Assert.Equal(2, Assert.Single(signers).Signers);

            // New rows continue after the copied ids instead of colliding with them.
            var next = new Tip { Code = "EF34GH", CategoryId = "other", WardId = "chi-lang", OccurredWhen = "nay", Description = "Mới.", Language = "vi", CreatedAt = DateTime.UtcNow };
            pg.Tips.Add(next);
            await pg.SaveChangesAsync();
            Assert.True(next.Id > (await pg.Tips.MinAsync(t => t.Id)));

            // The load switched the tally triggers off and dropped the indexes: both are back as the migrations made them.
            pg.Pledges.Add(Pledge("traffic", "household|tran van g|so 7", DateTime.UtcNow));
            await pg.SaveChangesAsync();
            Assert.Equal(3, (await pg.SignerTallies.AsNoTracking().SingleAsync(t => t.Signers != 0)).Signers);
            Assert.Equal(await IndexesAsync(await MigratedAsync(await SharedPostgres.CreateDatabaseAsync())), await IndexesAsync(target));
        }

        var again = await PledgeJourneys.RunVerbAsync(file, "copy-to-postgres", "--to", target);
        Assert.Equal(2, again.Code);
        Assert.Contains("error: the target database is not empty", again.Err, StringComparison.Ordinal);
        await using (var pg = StorageRegistration.CreateContext(DatabaseProvider.Postgres, target))
        {
            // Refused before anything is cleared: the city already moved keeps every row.
            Assert.Equal((3, 2), (await pg.Residents.CountAsync(), await pg.Tips.CountAsync()));
        }
    }

    [Fact]
    public async Task The_copy_refuses_a_missing_or_bad_target_and_never_runs_beside_the_service()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("antq-copy-").FullName, "antq.db");
        Assert.Equal(0, (await PledgeJourneys.RunVerbAsync(file, "officers", "list")).Code);

        var missing = await PledgeJourneys.RunVerbAsync(file, "copy-to-postgres");
        Assert.Equal((2, true), (missing.Code, missing.Err.Contains("error: --to is required", StringComparison.Ordinal)));
        var bad = await PledgeJourneys.RunVerbAsync(file, "copy-to-postgres", "--to", "Hots=db;Database=x");
        Assert.Equal(2, bad.Code);
        Assert.Contains("not a valid PostgreSQL connection string", bad.Err, StringComparison.Ordinal);

        using var running = new Antq.Bot.Hosting.InstanceLock(file);
        await running.StartingAsync(CancellationToken.None);
        var beside = await PledgeJourneys.RunVerbAsync(file, "copy-to-postgres", "--to", await SharedPostgres.CreateDatabaseAsync());
        Assert.Equal(2, beside.Code);
        Assert.Contains("already running", beside.Err, StringComparison.Ordinal);
    }

    private static async Task<string> MigratedAsync(string connectionString)
    {
        await new DatabaseInitializer(new ContextFactory(() => StorageRegistration.CreateContext(DatabaseProvider.Postgres, connectionString)), NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
        return connectionString;
    }

    /// <summary>Every index of the database's tables as PostgreSQL would create it again.</summary>
    private static async Task<List<string>> IndexesAsync(string connectionString)
    {
        await using var pg = StorageRegistration.CreateContext(DatabaseProvider.Postgres, connectionString);
        return await pg.Database.SqlQueryRaw<string>("""SELECT "indexdef" AS "Value" FROM "pg_indexes" WHERE "schemaname" = current_schema() ORDER BY "indexname" """).ToListAsync();
    }

    private static Resident Resident(string id, DateTime? consented) => new()
    {
        Channel = "telegram",
        ExternalUserId = id,
        ChatId = id,
        Language = "vi",
        WardId = "chi-lang",
        UnitId = "k1",
        ConsentedAt = consented,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    private static Pledge Pledge(string type, string signer, DateTime at) => new()
    {
        Number = $"CK2026-{Guid.NewGuid():N}"[..20],
        TypeId = type,
        TextVersion = "1",
        SignerKind = SignerKind.Household,
        SignerName = signer,
        SignerKey = signer,
        WardId = "chi-lang",
        UnitId = "k1",
        CampaignYear = 2026,
        Source = PledgeSource.Chat,
        SignedAt = at,
    };
}
