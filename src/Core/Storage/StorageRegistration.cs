using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Storage;

public static class StorageRegistration
{
    /// <summary>Registers the database: a pooled context factory, the write gate and the initializer.</summary>
    public static IServiceCollection AddAntqStorage(this IServiceCollection services, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // The rest of the service asks for AntqDb; on PostgreSQL it gets the subtype that owns PostgreSQL's migrations.
            services.AddPooledDbContextFactory<PostgresAntqDb>(o => ConfigurePostgres(o, connectionString));
            services.AddSingleton<IDbContextFactory<AntqDb>>(sp => new AsAntqDb<PostgresAntqDb>(sp.GetRequiredService<IDbContextFactory<PostgresAntqDb>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<AntqDb>(o => Configure(o, connectionString));
        }

        services.AddSingleton(new StorageProvider(provider));
        // SQLite has one writer, behind the gate; PostgreSQL writes concurrently, so there the gate only counts.
        var postgres = provider == DatabaseProvider.Postgres;
        services.AddSingleton(_ => postgres ? WriteGate.Unlimited() : new WriteGate());
        services.AddSingleton<GroupWriter>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    /// <summary>Reads <c>Database:Provider</c>: "Sqlite" (also when empty) or "Postgres"/"PostgreSQL", any case.</summary>
    public static bool TryParseProvider(string? value, out DatabaseProvider provider)
    {
        provider = DatabaseProvider.Sqlite;
        switch (value?.Trim().ToUpperInvariant())
        {
            case null or "" or "SQLITE":
                return true;
            case "POSTGRES" or "POSTGRESQL" or "NPGSQL":
                provider = DatabaseProvider.Postgres;
                return true;
            default:
                return false;
        }
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas());

    public static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString);

    /// <summary>A context of its own (not pooled) for one-off work: the command line, a copy between databases.</summary>
    public static AntqDb CreateContext(DatabaseProvider provider, string connectionString) => provider == DatabaseProvider.Postgres
        ? new PostgresAntqDb((DbContextOptions<PostgresAntqDb>)ConfigurePostgres(new DbContextOptionsBuilder<PostgresAntqDb>(), connectionString).Options)
        : new AntqDb((DbContextOptions<AntqDb>)Configure(new DbContextOptionsBuilder<AntqDb>(), connectionString).Options);

    /// <summary>The SQLite file a connection string points at, or null for in-memory databases.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
    }

    private sealed class AsAntqDb<T>(IDbContextFactory<T> inner) : IDbContextFactory<AntqDb>
        where T : AntqDb
    {
        public AntqDb CreateDbContext() => inner.CreateDbContext();

        public async Task<AntqDb> CreateDbContextAsync(CancellationToken cancellationToken = default) => await inner.CreateDbContextAsync(cancellationToken);
    }
}
