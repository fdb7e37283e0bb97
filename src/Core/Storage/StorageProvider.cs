namespace Antq.Core.Storage;

/// <summary>Which database the service runs on, for the few places where the two providers must differ.</summary>
public sealed record StorageProvider(DatabaseProvider Provider)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;
}
