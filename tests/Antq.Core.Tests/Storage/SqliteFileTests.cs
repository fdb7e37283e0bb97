using Antq.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Storage;

/// <summary>A real, migrated SQLite file in a folder of its own, with the storage services; removed after the test.</summary>
public abstract class SqliteFileTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "antq-core-" + Guid.NewGuid().ToString("N")[..10]);

    protected ServiceProvider Services { get; private set; } = null!;

    protected string DatabaseFile => Path.Combine(_directory, "antq.db");

    protected IDbContextFactory<AntqDb> Contexts => Services.GetRequiredService<IDbContextFactory<AntqDb>>();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Services = new ServiceCollection()
            .AddLogging()
            .AddAntqStorage(DatabaseProvider.Sqlite, "Data Source=" + DatabaseFile)
            .BuildServiceProvider();
        await new DatabaseInitializer(Contexts, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();

        // This file's pool only: clearing every pool would close another test's idle connections (and checkpoint its log).
        using (var connection = new SqliteConnection("Data Source=" + DatabaseFile))
        {
            SqliteConnection.ClearPool(connection);
        }

        Directory.Delete(_directory, recursive: true);
    }
}
