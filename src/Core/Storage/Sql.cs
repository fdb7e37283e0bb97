using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Antq.Core.Storage;

/// <summary>
/// Hand-written statements for the hot path (inbox, conversation state, outbox), where EF Core's query and
/// change-tracking pipeline costs more than the work itself. Plain ADO.NET on the context's own connection and
/// transaction; the SQL is the portable subset (ON CONFLICT, RETURNING) that SQLite and PostgreSQL share.
/// </summary>
internal static class Sql
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

    /// <summary>Times are stored as UTC text; read back as UTC.</summary>
    public static DateTime Utc(this DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime? UtcOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Utc(ordinal);

    public static string? StringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64OrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
