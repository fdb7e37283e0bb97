using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Antq.Core.Storage;

/// <summary>The writer's time by kind of unit, and its commits.</summary>
public sealed record WriterBreakdown(IReadOnlyList<WriterUnitTime> Units, long Commits, double CommitSeconds);

/// <summary>How many units of one origin ran and their time inside the transaction.</summary>
public sealed record WriterUnitTime(string Origin, long Count, double Seconds);

/// <summary>What a unit of work writes with: the batch's context, connection and transaction.</summary>
public sealed class WriteScope(AntqDb db, DbConnection connection, DbTransaction transaction, Dictionary<string, DbCommand> statements)
{
    public AntqDb Db => db;

    public DbConnection Connection => connection;

    public DbTransaction Transaction => transaction;

    /// <summary>
    /// Outgoing rows written queued in this scope (<c>OutboxWriter</c> counts them; rows written leased are handed, not
    /// counted): whoever commits the scope wakes the dispatcher when it is above zero, the one way queued rows are told.
    /// </summary>
    public int Queued { get; private set; }

    /// <summary>Counts rows written queued (see <see cref="Queued"/>).</summary>
    public void CountQueued(int rows) => Queued += rows;

    /// <summary>
    /// A scope on an EF Core context's own open transaction, for a job that writes under the write gate rather than
    /// through the group writer (the broadcast and event clocks, the archive, the monthly summary).
    /// </summary>
    public static WriteScope Of(AntqDb db) => new(
        db,
        db.Database.GetDbConnection(),
        (db.Database.CurrentTransaction ?? throw new InvalidOperationException("Begin the transaction first: outgoing rows are written in it.")).GetDbTransaction(),
        new Dictionary<string, DbCommand>(StringComparer.Ordinal));

    /// <summary>
    /// The statement for <paramref name="sql"/>, prepared once on the writer's connection and kept for its life (the
    /// hot path's statements run for every update; SQLite compiles a statement each time it is prepared). Set its
    /// parameters with <see cref="Sql.Set"/>; do not dispose it.
    /// </summary>
    public DbCommand Statement(string sql)
    {
        if (!statements.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            statements[sql] = command;
        }

        command.Transaction = transaction;
        return command;
    }
}
