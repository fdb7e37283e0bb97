using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Antq.Core.Storage;

/// <summary>
/// The one way hand-written SQL is written, in Core and in the hosts alike: parameters are named (<c>@name</c>) and
/// bound through <see cref="With"/>, <see cref="Set"/> or <see cref="SqlParameters"/>, never put into the text; table
/// and column names are quoted (<c>"outbox"."ChatId"</c>), as EF Core names them and as PostgreSQL will need.
/// Plain ADO.NET on the context's own connection and transaction for the hot path (inbox, conversation state,
/// outbox), where EF Core's query and change-tracking pipeline costs more than the work itself; through EF Core
/// (<see cref="ExecuteAsync"/>, <see cref="Query{T}"/>) for the clock jobs' set-based statements.
/// </summary>
/// <remarks>
/// Written for SQLite (3.35 or later) and PostgreSQL alike: <c>COALESCE</c>, <c>ON CONFLICT (…) DO UPDATE</c> with its
/// conflict target and <c>excluded</c>, <c>RETURNING</c>, row values, <c>CASE</c> rather than two-argument <c>MAX</c>,
/// id lists as bound parameters (<see cref="Ids"/>) rather than <c>json_each</c>, dates computed in C# and bound.
/// Where the two differ, each in one named place:
/// <list type="bullet">
/// <item><see cref="SqlDialect"/>: SQLite's planner hint (<see cref="SqlDialect.NotIndexed"/>), the local year of a time
/// (<see cref="SqlDialect.LocalYear"/>), the lease's <c>FOR UPDATE SKIP LOCKED</c> (<see cref="SqlDialect.SkipLocked"/>),
/// the server's clock (<see cref="SqlDialect.HeartbeatNow"/>, <see cref="SqlDialect.ServerSeconds"/>) and PostgreSQL's
/// advisory lock (<see cref="SqlDialect.TransactionLock"/>).</item>
/// <item>The tally triggers, one set per provider, each held as text in its migrations: SQLite's
/// (<c>ReportTallies.Triggers</c>: trigger bodies with <c>IFNULL</c>, <c>IS NOT</c> and <c>ON CONFLICT</c> without a
/// target) and PostgreSQL's PL/pgSQL functions (<c>PostgresTallyTriggers</c>). SQLite's are the one exception to the
/// quoting rule: they stay word for word what the initial migration created (a test compares the two), and quoting them
/// would make new databases differ from old ones for no gain (SQLite reads either alike).</item>
/// <item>The PRAGMAs (<c>SqlitePragmas</c>, <c>WalCheckpointer</c>, the writer's cache size, the WAL switch at start).</item>
/// <item>The single writer itself (<c>WriteGate</c>, <c>GroupWriter</c>'s savepoints per unit): SQLite's one-writer
/// rule; on PostgreSQL, ordinary transactions, with <see cref="SqlDialect.SkipLocked"/> for the lease.</item>
/// </list>
/// </remarks>
public static class Sql
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string text)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    /// <summary>Sets the parameter's value, adding the parameter the first time (a kept statement is bound again each run).</summary>
    public static DbCommand Set(this DbCommand command, string name, object? value)
    {
        var index = command.Parameters.IndexOf(name);
        if (index < 0)
        {
            return command.With(name, value);
        }

        command.Parameters[index].Value = value ?? DBNull.Value;
        return command;
    }

    /// <summary>"@p0, @p1, …" bound to the values, for an IN list.</summary>
    public static string List<T>(this DbCommand command, string prefix, IEnumerable<T> values)
    {
        var text = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = "@" + prefix + i.ToString(CultureInfo.InvariantCulture);
            text.Append(i == 0 ? name : ", " + name);
            command.With(name, value);
            i++;
        }

        return text.ToString();
    }

    /// <summary>
    /// "@p0, @p1, …" for an <c>IN</c> list of <paramref name="count"/> ids, padded to the next power of two: a kept statement
    /// (<see cref="WriteScope.Statement"/>) then has a handful of shapes whatever the count. Bind with <see cref="SetIds"/>.
    /// </summary>
    public static string Ids(string prefix, int count)
    {
        var text = new StringBuilder();
        var slots = Slots(count);
        for (var i = 0; i < slots; i++)
        {
            text.Append(i == 0 ? "@" : ", @").Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Binds the ids of an <see cref="Ids"/> list; the padding repeats the last id (an <c>IN</c> list takes a repeat as one).</summary>
    public static DbCommand SetIds(this DbCommand command, string prefix, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            throw new ArgumentException("An IN list needs at least one id.", nameof(ids));
        }

        var slots = Slots(ids.Count);
        for (var i = 0; i < slots; i++)
        {
            command.Set("@" + prefix + i.ToString(CultureInfo.InvariantCulture), ids[Math.Min(i, ids.Count - 1)]);
        }

        return command;
    }

    private static int Slots(int count) => count <= 1 ? 1 : (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)count);

    /// <summary>Runs a statement through EF Core (its connection, transaction and logging) with named parameters.</summary>
    public static Task<int> ExecuteAsync(this DatabaseFacade database, string text, SqlParameters parameters, CancellationToken cancellationToken) =>
        database.ExecuteSqlRawAsync(text, parameters.Bind(database.GetDbConnection()), cancellationToken);

    /// <summary>A query through EF Core with named parameters; a scalar result is read from a column named <c>"Value"</c>.</summary>
    public static IQueryable<T> Query<T>(this DatabaseFacade database, string text, SqlParameters parameters) =>
        database.SqlQueryRaw<T>(text, parameters.Bind(database.GetDbConnection()));

    /// <summary>Times are stored as UTC text; read back as UTC.</summary>
    public static DateTime Utc(this DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime? UtcOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Utc(ordinal);

    public static string? StringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64OrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
