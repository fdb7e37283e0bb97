using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Antq.Testing;

/// <summary>
/// Reads every column of every row of every table of the service's database (its SQLite file, or its PostgreSQL
/// database), as an attacker holding a copy of it would, and says where any of the given values appears (text, or
/// bytes read as UTF-8).
/// </summary>
public static class DatabaseScan
{
    public static async Task<IReadOnlyList<ScanHit>> FindAsync(string databaseFile, IReadOnlyCollection<string> needles)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databaseFile, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        return await FindAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", needles);
    }

    /// <summary>The scan of <paramref name="bot"/>'s database, whichever provider it runs on.</summary>
    public static async Task<IReadOnlyList<ScanHit>> FindAsync(TestBot bot, IReadOnlyCollection<string> needles)
    {
        if (!bot.OnPostgres)
        {
            return await FindAsync(bot.DatabaseFile, needles);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(bot.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();

        // Quartz's tables included: they live in the same schema.
        return await FindAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", needles);
    }

    private static async Task<IReadOnlyList<ScanHit>> FindAsync(DbConnection connection, string listTables, IReadOnlyCollection<string> needles)
    {
        var hits = new List<ScanHit>();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = listTables;
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var text = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        byte[] bytes => Encoding.UTF8.GetString(bytes),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    };
                    if (text is not null && needles.Any(n => text.Contains(n, StringComparison.OrdinalIgnoreCase)))
                    {
                        hits.Add(new ScanHit(table, reader.GetName(i), row, text));
                    }
                }
            }
        }

        return hits;
    }
}
