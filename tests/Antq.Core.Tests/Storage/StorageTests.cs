using System.Data.Common;
using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Antq.Core.Tests.Storage;

/// <summary>
/// The single writer on a real SQLite file: units that wait together are written together and fail alone; the
/// write-ahead log is copied back in the background.
/// </summary>
public sealed class StorageTests : SqliteFileTests
{
    private GroupWriter Writer => Services.GetRequiredService<GroupWriter>();

    private WriteGate Gate => Services.GetRequiredService<WriteGate>();

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
                command.CommandText = "SELECT COUNT(*) FROM inbox WHERE ChatId = 'seen'";
                return (long)(await command.ExecuteScalarAsync(ct))!;
            });
        }

        await write;
        Assert.Equal(1, await read);
    }

    [Fact]
    public async Task A_kept_statement_works_again_after_it_failed_in_a_unit_and_in_the_next_group()
    {
        const string Insert = "INSERT INTO inbox (Channel, ExternalId, ChatId, ReceivedAt) VALUES ('test', @id, @chat, '2026-11-29 08:00:00') RETURNING Id";
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
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => duplicate);
        await after;
        var nextGroup = await Writer.WriteAsync((scope, ct) => KeptInsertAsync(scope, "u-3", "kept-3", ct));

        Assert.True(nextGroup > await after);
        Assert.Equal(3, await CountAsync("kept-_"));
        Assert.Equal(0, await CountAsync("kept-dup"));
    }

    [Fact]
    public async Task Commits_leave_the_log_to_the_background_checkpoint_which_copies_it_into_the_database_file()
    {
        var file = DatabaseFile;
        var before = new FileInfo(file).Length;
        await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Writer.WriteAsync((scope, ct) => InsertAsync(scope, new string('x', 2000) + i, ct))));
        Assert.Equal(before, new FileInfo(file).Length);

        var checkpointer = new WalCheckpointer(Contexts, Gate, NullLogger<WalCheckpointer>.Instance);
        var logPages = await checkpointer.CheckpointAsync(CancellationToken.None);

        Assert.True(logPages > 100, $"the log held {logPages} pages");
        Assert.True(new FileInfo(file).Length > before + (400 * 2000), "the rows reached the database file");
        Assert.Equal(400, await CountAsync("xx%"));
    }

    [Fact]
    public async Task A_hold_of_the_writer_over_fifty_milliseconds_is_counted_under_its_holder()
    {
        var gate = new WriteGate();
        using (await gate.EnterAsync(CancellationToken.None))
        {
            // A short hold is not counted.
        }

        using (await gate.EnterAsync(CancellationToken.None))
        {
            await Task.Delay(WriteGate.LongHold + TimeSpan.FromMilliseconds(30));
        }

        var (holder, count) = Assert.Single(gate.LongHolds());
        Assert.Equal("StorageTests.A_hold_of_the_writer_over_fifty_milliseconds_is_counted_under_its_holder", holder);
        Assert.Equal(1, count.Count);
        Assert.True(count.Longest > WriteGate.LongHold, $"the longest hold was {count.Longest}");
    }

    private static async Task<long> InsertAsync(WriteScope scope, string chat, CancellationToken cancellationToken)
    {
        await using var command = scope.Connection.CreateCommand();
        command.Transaction = scope.Transaction;
        command.CommandText = "INSERT INTO inbox (Channel, ExternalId, ChatId, ReceivedAt) VALUES ('test', $id, $chat, '2026-11-29 08:00:00') RETURNING Id";
        Add(command, "$id", Guid.NewGuid().ToString("N"));
        Add(command, "$chat", chat);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<long> CountAsync(string chatLike)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Inbox.LongCountAsync(i => EF.Functions.Like(i.ChatId, chatLike));
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
