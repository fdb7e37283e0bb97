using System.Data.Common;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Antq.Core.Tests.Storage;

/// <summary>The group writer on a SQLite file.</summary>
public sealed class SqliteGroupWriterTests() : GroupWriterTests(DatabaseProvider.Sqlite);

/// <summary>The same on the tests' PostgreSQL server (see <see cref="PostgresWriterLanesTests"/> for its concurrent lanes).</summary>
public sealed class PostgresGroupWriterTests() : GroupWriterTests(DatabaseProvider.Postgres);

/// <summary>
/// The group writer on either provider: units that wait together are written together in one transaction, each in a
/// savepoint of its own, so one fails alone and a later one still commits. A writer of one lane behind a gate of its
/// own, which the tests hold to make units wait together (the service's PostgreSQL writer has no gate and four lanes).
/// </summary>
public abstract class GroupWriterTests(DatabaseProvider provider) : DatabaseTests(provider), IAsyncLifetime
{
    private GroupWriter? _writer;

    private GroupWriter Writer => _writer ??= new GroupWriter(Contexts, Gate, Microsoft.Extensions.Logging.Abstractions.NullLogger<GroupWriter>.Instance);

    private WriteGate Gate { get; } = new();

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await DisposeAsync();
    }

    [Fact]
    public async Task Units_waiting_for_the_writer_are_committed_together_and_each_gets_its_own_result()
    {
        var before = Gate.Entries;
        Task<long>[] units;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            // While another writer holds the database, fifty chats' turns arrive.
            units = Enumerable.Range(0, 50).Select(i => Writer.WriteAsync((scope, ct) => InsertAsync(scope, "chat-" + i, ct))).ToArray();
        }

        var ids = await Task.WhenAll(units);

        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, await CountAsync("chat-%"));
        Assert.True(Gate.Entries - before <= 3, $"50 units took {Gate.Entries - before - 1} transactions");
    }

    [Fact]
    public async Task A_failing_unit_rolls_back_alone_and_its_caller_gets_the_error()
    {
        Task<long> first, failing, last;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            first = Writer.WriteAsync((scope, ct) => InsertAsync(scope, "first", ct));
            failing = Writer.WriteAsync<long>(async (scope, ct) =>
            {
                await InsertAsync(scope, "failing", ct);
                throw new InvalidOperationException("the change found a conflict");
            });
            last = Writer.WriteAsync((scope, ct) => InsertAsync(scope, "last", ct));
        }

        await first;
        await last;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("the change found a conflict", error.Message);
        Assert.Equal(1, await CountAsync("first"));
        Assert.Equal(0, await CountAsync("failing"));
        Assert.Equal(1, await CountAsync("last"));
    }

    [Fact]
    public async Task A_unit_sees_what_the_units_before_it_in_the_same_transaction_wrote()
    {
        Task<long> write, read;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            write = Writer.WriteAsync((scope, ct) => InsertAsync(scope, "seen", ct));
            read = Writer.WriteAsync(async (scope, ct) =>
            {
                await using var command = scope.Connection.CreateCommand();
                command.Transaction = scope.Transaction;
                command.CommandText = """SELECT COUNT(*) FROM "inbox" WHERE "ChatId" = 'seen'""";
                return (long)(await command.ExecuteScalarAsync(ct))!;
            });
        }

        await write;
        Assert.Equal(1, await read);
    }

    [Fact]
    public async Task A_kept_statement_works_again_after_it_failed_in_a_unit_and_in_the_next_group()
    {
        const string Insert = """INSERT INTO "inbox" ("Channel", "ExternalId", "ChatId", "ReceivedAt") VALUES ('test', @id, @chat, '2026-11-29 08:00:00') RETURNING "Id" """;
        async Task<long> KeptInsertAsync(WriteScope scope, string id, string chat, CancellationToken ct)
        {
            var command = scope.Statement(Insert).Set("@id", id).Set("@chat", chat);
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        Task<long> first, duplicate, after;
        using (await Gate.EnterAsync(CancellationToken.None))
        {
            first = Writer.WriteAsync((scope, ct) => KeptInsertAsync(scope, "u-1", "kept-1", ct));
            duplicate = Writer.WriteAsync((scope, ct) => KeptInsertAsync(scope, "u-1", "kept-dup", ct));
            after = Writer.WriteAsync((scope, ct) => KeptInsertAsync(scope, "u-2", "kept-2", ct));
        }

        await first;
        // On PostgreSQL the failed statement would abort the whole transaction but for the unit's savepoint.
        await Assert.ThrowsAnyAsync<DbException>(() => duplicate);
        await after;
        var nextGroup = await Writer.WriteAsync((scope, ct) => KeptInsertAsync(scope, "u-3", "kept-3", ct));

        Assert.True(nextGroup > await after);
        Assert.Equal(3, await CountAsync("kept-_"));
        Assert.Equal(0, await CountAsync("kept-dup"));
    }

    /// <summary>One inbox row for <paramref name="chat"/> in the scope's transaction (the SQLite-only <see cref="StorageTests"/> too).</summary>
    internal static async Task<long> InsertAsync(WriteScope scope, string chat, CancellationToken cancellationToken)
    {
        await using var command = scope.Connection.CreateCommand();
        command.Transaction = scope.Transaction;
        command.CommandText = """INSERT INTO "inbox" ("Channel", "ExternalId", "ChatId", "ReceivedAt") VALUES ('test', @id, @chat, '2026-11-29 08:00:00') RETURNING "Id" """;
        Add(command, "@id", Guid.NewGuid().ToString("N"));
        Add(command, "@chat", chat);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    internal static async Task<long> CountAsync(IDbContextFactory<AntqDb> contexts, string chatLike)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Inbox.LongCountAsync(i => EF.Functions.Like(i.ChatId, chatLike));
    }

    private Task<long> CountAsync(string chatLike) => CountAsync(Contexts, chatLike);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
