using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Storage;

public static class StorageRegistration
{
    /// <summary>Registers the database: a pooled context factory, the write gate and the initializer.</summary>
    public static IServiceCollection AddAntqStorage(this IServiceCollection services, string provider, string connectionString)
    {
        if (!string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Database:Provider '{provider}' is not supported yet; use 'Sqlite'.", nameof(provider));
        }

        services.AddPooledDbContextFactory<AntqDb>(o => Configure(o, connectionString));
        services.AddSingleton<WriteGate>();
        services.AddSingleton<GroupWriter>();
        services.AddSingleton<DatabaseInitializer>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas());

    /// <summary>The SQLite file a connection string points at, or null for in-memory databases.</summary>
    public static string? SqliteFile(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? null : Path.GetFullPath(source);
    }
}
