using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Antq.Core.Storage;

/// <summary>Creates the database file if needed (SQLite: switched to WAL) and applies pending migrations.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<AntqDb> dbFactory, ILogger<DatabaseInitializer> logger)
{
    /// <summary>
    /// The session lock instances take on PostgreSQL while they migrate: several instances start together on one
    /// database (a compose file starts both at once), and two migrating at the same time would both create the tables.
    /// </summary>
    public const long MigrationLockKey = 0x616E746D;

    public bool Ready { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        var file = sqlite ? StorageRegistration.SqliteFile(db.Database.GetConnectionString() ?? "") : null;
        if (file is not null)
        {
            // Created owner-only here, before SQLite would create it with the default mode (its -wal and -shm follow it).
            OwnerOnlyFiles.EnsureExists(file);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (sqlite)
            {
                // WAL lets readers work while one writer commits; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            else
            {
                // Held by this connection until unlocked below: the next instance waits, then finds nothing pending.
                await db.Database.ExecuteAsync("SELECT pg_advisory_lock(@key)", LockKey(), cancellationToken);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Database ready ({File}); {Count} migration(s) applied", sqlite ? file ?? "in memory" : "PostgreSQL", pending.Count);
        }
        finally
        {
            if (!sqlite)
            {
                // A pooled connection keeps its session locks: given back explicitly.
                await db.Database.ExecuteAsync("SELECT pg_advisory_unlock(@key)", LockKey(), CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }

        Ready = true;
    }

    /// <summary>For /readyz: the database answers and has no pending migration.</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (!Ready)
        {
            return false;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                && !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }
    }

    // Made for each statement: a bound parameter belongs to the one command it was added to.
    private static SqlParameters LockKey() => new() { ["@key"] = MigrationLockKey };
}
