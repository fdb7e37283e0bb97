using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Antq.Core.Storage;

/// <summary>
/// Named parameters for a statement run through EF Core (<see cref="Sql.ExecuteAsync"/>), the same <c>@name</c> style as
/// the commands' <see cref="Sql.With"/>: <c>new SqlParameters { ["@status"] = 1 }</c>. Values are bound, never put in the text.
/// </summary>
public sealed class SqlParameters
{
    private readonly List<(string Name, object? Value)> _values = [];

    public object? this[string name]
    {
        set => _values.Add((name, value));
    }

    /// <summary>"@p0, @p1, …" bound to the values, for an IN list.</summary>
    public string List<T>(string prefix, IEnumerable<T> values)
    {
        var text = new StringBuilder();
        var i = 0;
        foreach (var value in values)
        {
            var name = "@" + prefix + i.ToString(CultureInfo.InvariantCulture);
            text.Append(i == 0 ? name : ", " + name);
            _values.Add((name, value));
            i++;
        }

        return text.ToString();
    }

    /// <summary>Adds the parameters to a command of the writer's own (a statement run on the scope's connection, not through EF Core).</summary>
    internal void AddTo(DbCommand command)
    {
        foreach (var (name, value) in _values)
        {
            command.With(name, value);
        }
    }

    /// <summary>The parameters made by the connection's own provider (SQLite now, PostgreSQL later).</summary>
    internal DbParameter[] Bind(DbConnection connection)
    {
        var factory = DbProviderFactories.GetFactory(connection) ?? throw new InvalidOperationException("The connection has no provider factory.");
        return _values.Select(v =>
        {
            var parameter = factory.CreateParameter() ?? throw new InvalidOperationException("The provider makes no parameters.");
            parameter.ParameterName = v.Name;
            parameter.Value = v.Value ?? DBNull.Value;
            return parameter;
        }).ToArray();
    }
}
