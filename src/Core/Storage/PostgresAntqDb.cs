using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Storage;

/// <summary>
/// The same database on PostgreSQL. Its own type only so that EF Core keeps a migration set per provider (the
/// migrations are attributed with the context type they belong to); the model is <see cref="AntqDb"/>'s.
/// </summary>
public sealed class PostgresAntqDb(DbContextOptions<PostgresAntqDb> options) : AntqDb(options);
