using System.Reflection;
using Antq.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Antq.Core.Storage;

/// <summary>
/// Moves a city from its SQLite file to PostgreSQL: every table of the model copied into an empty, migrated
/// PostgreSQL database in one transaction (so a failure leaves it empty), the identity sequences moved past the copied
/// ids, then checked: the same number of rows in each table and the same report tallies, counted again on PostgreSQL
/// from the copied facts. Quartz's tables are not copied: its jobs are the service's fixed clocks, scheduled again at
/// start.
/// </summary>
/// <remarks>
/// Loaded as a bulk load, not as a stream of inserts: a province's database has tens of millions of rows, and row by
/// row the target would update every secondary index and, through the tally triggers, the same few thousand tally rows
/// millions of times in one transaction (each update a new row version the others must step over, so the load slows as
/// it goes). Inside the one transaction the tables are locked, found empty and truncated (so <c>COPY … FREEZE</c> may
/// write their rows already frozen, with no second pass over every page after), the secondary indexes are dropped and
/// the triggers of the copied tables switched off; after the rows, the indexes are built again each in one pass
/// from their own definitions, the triggers switched on, and the tallies they keep counted once from the facts
/// (<see cref="ReportTallies.FillKeptByTriggers"/>). Constraints (keys, foreign keys, checks) stay and hold for every
/// copied row. A failure anywhere rolls it all back: the target is as the migrations left it.
/// </remarks>
public static class DatabaseCopy
{
    // Counted again on the target from the copied facts; compared with the source's afterwards.
    private static readonly Type[] KeptByTriggers = [typeof(PledgeTally), typeof(SignerTally), typeof(ResidentTally)];

    private static readonly MethodInfo CopyMethod = typeof(DatabaseCopy).GetMethod(nameof(CopyTableAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/>; returns the rows copied per table.</summary>
    /// <exception cref="DatabaseCopyException">The target is not empty, or the copy does not check out (nothing is kept then).</exception>
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CopyAsync(AntqDb source, AntqDb target, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!target.Database.IsNpgsql())
        {
            throw new DatabaseCopyException("the target must be a PostgreSQL database");
        }

        var tables = InDependencyOrder(target.Model).ToList();
        var names = string.Join(", ", tables.Select(t => Quoted(t.GetTableName()!)));
        var copied = new List<(string Table, long Rows)>();
        await using (var transaction = await target.Database.BeginTransactionAsync(cancellationToken))
        {
            // Nothing else may write them until the copy is committed or gone; only then is "empty" a fact to build on.
            await RunAsync(target, $"LOCK TABLE {names} IN ACCESS EXCLUSIVE MODE", cancellationToken);
            foreach (var entity in tables)
            {
                if (await CountAsync(target, entity, cancellationToken) > 0)
                {
                    throw new DatabaseCopyException($"the target database is not empty (table {entity.GetTableName()} has rows); copy into a new, empty database");
                }
            }

            await RunAsync(target, $"TRUNCATE {names}", cancellationToken);
            var indexes = await SecondaryIndexesAsync(target, tables, cancellationToken);
            foreach (var (name, _) in indexes)
            {
                await RunAsync(target, $"DROP INDEX {Quoted(name)}", cancellationToken);
            }

            await SetTriggersAsync(target, tables, "DISABLE", cancellationToken);
            foreach (var entity in tables.Where(t => !KeptByTriggers.Contains(t.ClrType)))
            {
                var task = (Task<long>)CopyMethod.MakeGenericMethod(entity.ClrType).Invoke(null, [source, target, cancellationToken])!;
                var rows = await task;
                copied.Add((entity.GetTableName()!, rows));
                progress?.Report($"{entity.GetTableName()}: {rows:N0} rows");
            }

            await SetTriggersAsync(target, tables, "ENABLE", cancellationToken);
            await target.Database.ExecuteSqlRawAsync("SET LOCAL maintenance_work_mem = '256MB'", cancellationToken);
            foreach (var (_, definition) in indexes)
            {
                await RunAsync(target, definition, cancellationToken);
            }

            progress?.Report($"{indexes.Count} indexes built again");
            await target.Database.ExecuteSqlRawAsync(ReportTallies.FillKeptByTriggers(DatabaseProvider.Postgres), cancellationToken);
            progress?.Report("tallies counted from the copied facts");
            await MoveSequencesAsync(target, tables, cancellationToken);
            await CheckAsync(source, target, tables, cancellationToken);
            progress?.Report("rows and tallies checked against the SQLite file");
            await transaction.CommitAsync(cancellationToken);
        }

        // The planner's statistics for the new rows now, not when autovacuum comes round to it.
        await target.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
        return copied;
    }

    /// <summary>
    /// The model's tables' indexes that no constraint owns (a primary key's or a unique constraint's index stays), with
    /// the statement that makes each, as PostgreSQL gives it back.
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(AntqDb target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        const string Secondary = """
            SELECT i.relname, pg_get_indexdef(i.oid)
            FROM pg_index AS x
            JOIN pg_class AS i ON i.oid = x.indexrelid
            JOIN pg_class AS t ON t.oid = x.indrelid
            JOIN pg_namespace AS n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND t.relname = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint AS c WHERE c.conindid = x.indexrelid)
            ORDER BY i.relname
            """;
        var connection = target.Database.GetDbConnection();
        await using var command = connection.Command(target.Database.CurrentTransaction?.GetDbTransaction(), Secondary)
            .With("@tables", tables.Select(t => t.GetTableName()!).ToArray());
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }

    /// <summary>
    /// The copied tables' own triggers (the tallies') off while loading, on again after: <c>USER</c> leaves the
    /// triggers PostgreSQL keeps for foreign keys alone, so every copied row is still checked against its parent.
    /// </summary>
    private static async Task SetTriggersAsync(AntqDb target, IEnumerable<IEntityType> tables, string state, CancellationToken cancellationToken)
    {
        foreach (var entity in tables)
        {
            await RunAsync(target, $"ALTER TABLE {Quoted(entity.GetTableName()!)} {state} TRIGGER USER", cancellationToken);
        }
    }

    /// <summary>
    /// One table, streamed from SQLite and written with PostgreSQL's binary <c>COPY</c>: each column's value as the
    /// target's model stores it (its value converter applied), in the wire type its column type names.
    /// </summary>
    private static async Task<long> CopyTableAsync<T>(AntqDb source, AntqDb target, CancellationToken cancellationToken)
        where T : class
    {
        var entity = target.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Select(p => (Property: p, Name: p.GetColumnName(table) ?? throw new DatabaseCopyException($"{entity.GetTableName()}.{p.Name} has no column"), Type: WireType(p),
                Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter))
            .ToList();
        if (columns.FirstOrDefault(c => c.Property.IsShadowProperty()) is { Property: { } shadow })
        {
            throw new DatabaseCopyException($"{entity.GetTableName()}.{shadow.Name} is not on the entity and cannot be copied from it");
        }

        var connection = (Npgsql.NpgsqlConnection)target.Database.GetDbConnection();
        var copy = $"COPY {Quoted(entity.GetTableName()!)} ({string.Join(", ", columns.Select(c => Quoted(c.Name)))}) FROM STDIN (FORMAT BINARY, FREEZE)";
        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            await foreach (var row in source.Set<T>().AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                await importer.StartRowAsync(cancellationToken);
                foreach (var (_, _, type, getter, converter) in columns)
                {
                    var value = getter.GetClrValueUsingContainingEntity(row);
                    if (value is not null && converter is not null)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(value, type, cancellationToken);
                    }
                }

                rows++;
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return rows;
    }

    /// <summary>The wire type of a column, from the type the target's model gives it; an unknown one is named, not guessed.</summary>
    private static NpgsqlTypes.NpgsqlDbType WireType(IProperty property)
    {
        var type = property.GetColumnType();
        var bare = type.Split('(')[0].Trim();
        return bare switch
        {
            "text" or "character varying" or "character" => NpgsqlTypes.NpgsqlDbType.Text,
            "bigint" => NpgsqlTypes.NpgsqlDbType.Bigint,
            "integer" => NpgsqlTypes.NpgsqlDbType.Integer,
            "smallint" => NpgsqlTypes.NpgsqlDbType.Smallint,
            "boolean" => NpgsqlTypes.NpgsqlDbType.Boolean,
            "double precision" => NpgsqlTypes.NpgsqlDbType.Double,
            "real" => NpgsqlTypes.NpgsqlDbType.Real,
            "numeric" => NpgsqlTypes.NpgsqlDbType.Numeric,
            "timestamp with time zone" => NpgsqlTypes.NpgsqlDbType.TimestampTz,
            "timestamp without time zone" => NpgsqlTypes.NpgsqlDbType.Timestamp,
            "date" => NpgsqlTypes.NpgsqlDbType.Date,
            "interval" => NpgsqlTypes.NpgsqlDbType.Interval,
            "bytea" => NpgsqlTypes.NpgsqlDbType.Bytea,
            "uuid" => NpgsqlTypes.NpgsqlDbType.Uuid,
            "jsonb" => NpgsqlTypes.NpgsqlDbType.Jsonb,
            _ => throw new DatabaseCopyException($"{property.DeclaringType.DisplayName()}.{property.Name} has the column type {type}, which the copy does not know"),
        };
    }

    /// <summary>Identity columns continue after the highest copied id, so the next tip does not collide with an old one.</summary>
    private static async Task MoveSequencesAsync(AntqDb target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var entity in tables)
        {
            var key = entity.FindPrimaryKey();
            if (key is not { Properties: [{ ValueGenerated: ValueGenerated.OnAdd } id] } || id.ClrType != typeof(long) && id.ClrType != typeof(int))
            {
                continue;
            }

            var table = Quoted(entity.GetTableName()!);
            var column = id.GetColumnName();
            // Names from the model, never from input. pg_get_serial_sequence reads its table as SQL does (quoted, as the
            // table was created) and its column as it is; both are bound, and only the quoted names are in the text.
            var move = $"""SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT MAX({Quoted(column)}) FROM {table}), 0) + 1, false)""";
            await target.Database.ExecuteAsync(move, new SqlParameters { ["@table"] = table, ["@column"] = column }, cancellationToken);
        }
    }

    private static async Task CheckAsync(AntqDb source, AntqDb target, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var entity in tables)
        {
            var (from, to) = (await CountAsync(source, entity, cancellationToken), await CountAsync(target, entity, cancellationToken));
            if (!KeptByTriggers.Contains(entity.ClrType) && from != to)
            {
                problems.Add($"{entity.GetTableName()}: {from} rows in SQLite, {to} copied");
            }
        }

        foreach (var (name, kept) in new[] { ("pledge_tally", Tallies<PledgeTally>(t => $"{t.CampaignYear} {t.WardId} {t.UnitId} {t.TypeId} {t.Source} {t.Pledges}", t => t.Pledges != 0)), ("signer_tally", Tallies<SignerTally>(t => $"{t.CampaignYear} {t.WardId} {t.UnitId} {t.SignerKind} {t.Signers}", t => t.Signers != 0)), ("resident_tally", Tallies<ResidentTally>(t => $"{t.WardId} {t.UnitId} {t.ConsentYear} {t.Status} {t.Residents}", t => t.Residents != 0)) })
        {
            var (before, after) = (await kept(source, cancellationToken), await kept(target, cancellationToken));
            if (!before.SequenceEqual(after, StringComparer.Ordinal))
            {
                problems.Add($"{name}: the counts kept in SQLite ({before.Count} lines) differ from those counted again from the copied facts ({after.Count} lines)");
            }
        }

        if (problems.Count > 0)
        {
            throw new DatabaseCopyException("the copy does not match its source, nothing was kept: " + string.Join("; ", problems));
        }
    }

    private static Func<AntqDb, CancellationToken, Task<List<string>>> Tallies<T>(Func<T, string> line, Func<T, bool> counted)
        where T : class =>
        async (db, cancellationToken) => [.. (await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken)).Where(counted).Select(line).Order(StringComparer.Ordinal)];

    private static async Task<long> CountAsync(AntqDb db, IEntityType entity, CancellationToken cancellationToken)
    {
        var count = $"""SELECT COUNT(*) AS "Value" FROM {Quoted(entity.GetTableName()!)}""";
        return await db.Database.SqlQueryRaw<long>(count).SingleAsync(cancellationToken);
    }

    /// <summary>A statement whose only names are the model's own, quoted, or PostgreSQL's own index definitions: no input.</summary>
    private static Task<int> RunAsync(AntqDb target, string text, CancellationToken cancellationToken) =>
        target.Database.ExecuteAsync(text, new SqlParameters(), cancellationToken);

    private static string Quoted(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Tables whose rows others point at come first (residents before pledges, tips before attachments).</summary>
    private static IEnumerable<IEntityType> InDependencyOrder(IModel model)
    {
        var done = new HashSet<IEntityType>();
        var all = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).OrderBy(e => e.GetTableName(), StringComparer.Ordinal).ToList();
        while (done.Count < all.Count)
        {
            var ready = all.Where(e => !done.Contains(e) && e.GetForeignKeys().All(fk => fk.PrincipalEntityType == e || done.Contains(fk.PrincipalEntityType))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("the model's foreign keys form a cycle");
            }

            foreach (var entity in ready)
            {
                done.Add(entity);
                yield return entity;
            }
        }
    }
}
