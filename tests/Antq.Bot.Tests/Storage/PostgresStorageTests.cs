using Antq.Core.Residents;
using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Bot.Tests.Storage;

/// <summary>The database on PostgreSQL: its own migration set, applied at start, the same model as on SQLite.</summary>
public sealed class PostgresStorageTests
{
    [Fact]
    public async Task A_new_postgres_database_is_migrated_at_start_and_keeps_times_in_utc()
    {
        await using var cluster = await PostgresCluster.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync("antq");
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddAntqStorage(DatabaseProvider.Postgres, connectionString)
            .BuildServiceProvider();
        var initializer = services.GetRequiredService<DatabaseInitializer>();
        await initializer.InitializeAsync(CancellationToken.None);
        Assert.True(await initializer.IsReadyAsync(CancellationToken.None));

        var signedUp = new DateTime(2026, 12, 5, 16, 30, 0, DateTimeKind.Utc);
        var factory = services.GetRequiredService<IDbContextFactory<AntqDb>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.True(db.Database.IsNpgsql());
            db.Residents.Add(new Resident { Channel = "telegram", ExternalUserId = "42", ChatId = "42", Language = "vi", ConsentedAt = signedUp, CreatedAt = signedUp, UpdatedAt = signedUp });
            await db.SaveChangesAsync();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var resident = await db.Residents.SingleAsync(r => r.ExternalUserId == "42");
            Assert.Equal(signedUp, resident.ConsentedAt);
            Assert.Equal(DateTimeKind.Utc, resident.ConsentedAt!.Value.Kind);
        }
    }

    [Fact]
    public void Each_provider_has_migrations_for_the_whole_model()
    {
        using var sqlite = new AntqDb((DbContextOptions<AntqDb>)StorageRegistration.Configure(new DbContextOptionsBuilder<AntqDb>(), "Data Source=:memory:").Options);
        using var postgres = new PostgresAntqDb((DbContextOptions<PostgresAntqDb>)StorageRegistration.ConfigurePostgres(new DbContextOptionsBuilder<PostgresAntqDb>(), "Host=127.0.0.1;Database=none").Options);

        // A model change without a migration for one of the two providers fails here, before it fails on a server.
        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations are behind the model");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations are behind the model");
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgres.Database.GetMigrations());
        Assert.Empty(sqlite.Database.GetMigrations().Intersect(postgres.Database.GetMigrations()));
    }
}
