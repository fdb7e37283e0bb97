namespace Antq.Core.Storage;

/// <summary>
/// Where the service keeps its data: one SQLite file (the default: nothing to install, right for one city on one
/// machine) or a PostgreSQL server (replication, backups, several instances of the service on one database).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
