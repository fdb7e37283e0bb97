using Antq.Core.Storage;
using Antq.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Storage;

/// <summary>
/// A real, migrated database with the storage services: a SQLite file in a folder of its own, or a fresh database on
/// the tests' own PostgreSQL server. A storage test written once against this runs on both providers through two
/// small subclasses.
/// </summary>
public abstract class DatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "antq-core-" + Guid.NewGuid().ToString("N")[..10]);

    protected DatabaseProvider Provider { get; } = provider;

    protected ServiceProvider Services { get; private set; } = null!;

    protected string DatabaseFile => Path.Combine(_directory, "antq.db");

    protected IDbContextFactory<AntqDb> Contexts => Services.GetRequiredService<IDbContextFactory<AntqDb>>();

    public async Task InitializeAsync()
    {
        string connectionString;
        if (Provider == DatabaseProvider.Postgres)
        {
            connectionString = await SharedPostgres.CreateDatabaseAsync();
        }
        else
        {
            Directory.CreateDirectory(_directory);
            connectionString = "Data Source=" + DatabaseFile;
        }

        Services = new ServiceCollection()
            .AddLogging()
            .AddAntqStorage(Provider, connectionString)
            .BuildServiceProvider();
        await new DatabaseInitializer(Contexts, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        // This file's pool only: clearing every pool would close another test's idle connections (and checkpoint its log).
        using (var connection = new SqliteConnection("Data Source=" + DatabaseFile))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
