using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Storage;

/// <summary>
/// Instances started together on one empty PostgreSQL database (a compose file starts both at once) all come up:
/// one migrates while the others wait, then find nothing pending.
/// </summary>
public sealed class MigrationLockTests
{
    [Fact]
    public async Task Four_instances_starting_at_once_on_an_empty_postgres_database_all_start_and_migrate_it_once()
    {
        var database = await SharedPostgres.CreateDatabaseAsync();
        var services = Enumerable.Range(0, 4)
            .Select(_ => new ServiceCollection().AddLogging().AddAntqStorage(DatabaseProvider.Postgres, database).BuildServiceProvider())
            .ToList();
        try
        {
            var initializers = services.Select(s => new DatabaseInitializer(s.GetRequiredService<IDbContextFactory<AntqDb>>(), NullLogger<DatabaseInitializer>.Instance)).ToList();

            await Task.WhenAll(initializers.Select(i => Task.Run(() => i.InitializeAsync(CancellationToken.None))));

            Assert.All(initializers, i => Assert.True(i.Ready));
            await using var db = await services[0].GetRequiredService<IDbContextFactory<AntqDb>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());

            // The lock went back with each connection: a later start does not wait for a lock nobody will give back.
            using var later = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await initializers[0].InitializeAsync(later.Token);
        }
        finally
        {
            foreach (var provider in services)
            {
                await provider.DisposeAsync();
            }
        }
    }
}
