using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Antq.Core.Storage;

/// <summary>
/// Per-connection SQLite settings: WAL-safe durability, a busy timeout for other processes (CLI verbs), and no
/// checkpoint inside commits (<see cref="WalCheckpointer"/> does it in the background; SQLite still checkpoints when
/// the last connection to the file closes, so a command-line verb leaves no log behind).
/// Applied once per physical connection: a pooled connection keeps them, and opening one happens several times
/// per update.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=0;";
    private static readonly ConditionalWeakTable<object, object> Applied = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        // The native handle outlives the pooled SqliteConnection objects that open it.
        object? handle = connection is SqliteConnection { Handle: { } native } ? native : null;
        if (handle is not null && Applied.TryGetValue(handle, out _))
        {
            return;
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        if (handle is not null)
        {
            Applied.AddOrUpdate(handle, handle);
        }
    }
}
