using Antq.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Antq.Core.Tests.Storage;

/// <summary>
/// The writer's lanes on PostgreSQL: no single-writer gate, several lanes writing at once, and a unit that a deadlock
/// between two lanes chose as its victim run again instead of failing its caller.
/// </summary>
public sealed class PostgresWriterLanesTests() : DatabaseTests(DatabaseProvider.Postgres), IAsyncLifetime
{
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        await DisposeAsync();
    }

    private GroupWriter? _writer;

    /// <summary>Four lanes behind no gate (the service runs one: see <see cref="GroupWriter"/>).</summary>
    private GroupWriter Writer => _writer ??= new GroupWriter(Contexts, WriteGate.Unlimited(), Microsoft.Extensions.Logging.Abstractions.NullLogger<GroupWriter>.Instance, lanes: 4);

    [Fact]
    public async Task A_unit_waits_in_one_lane_while_another_lane_commits()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = Writer.WriteAsync(async (scope, ct) =>
        {
            var id = await GroupWriterTests.InsertAsync(scope, "slow", ct);
            started.TrySetResult();
            await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return id;
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // With one writer this would wait behind the slow unit; here another lane writes it meanwhile.
        await Writer.WriteAsync((scope, ct) => GroupWriterTests.InsertAsync(scope, "quick", ct));
        Assert.Equal(1, await GroupWriterTests.CountAsync(Contexts, "quick"));
        Assert.False(slow.IsCompleted);

        waiting.SetResult();
        await slow;
        Assert.Equal(1, await GroupWriterTests.CountAsync(Contexts, "slow"));
    }

    [Fact]
    public async Task Two_lanes_locking_rows_in_opposite_orders_both_commit_the_deadlocks_victim_run_again()
    {
        var a = await Writer.WriteAsync((scope, ct) => GroupWriterTests.InsertAsync(scope, "lock-a", ct));
        var b = await Writer.WriteAsync((scope, ct) => GroupWriterTests.InsertAsync(scope, "lock-b", ct));
        var firstHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondHolds = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;

        Task<int> Cross(long first, long second, TaskCompletionSource mine, TaskCompletionSource theirs) =>
            Writer.WriteAsync(async (scope, ct) =>
            {
                Interlocked.Increment(ref runs);
                await TouchAsync(scope, first, ct);
                mine.TrySetResult();
                await theirs.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
                await TouchAsync(scope, second, ct);
                return 1;
            });

        var one = Cross(a, b, firstHolds, secondHolds);
        await firstHolds.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the first lane is busy: the second unit goes to another
        var two = Cross(b, a, secondHolds, firstHolds);
        await Task.WhenAll(one, two).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(3, runs);
        await using var db = await Contexts.CreateDbContextAsync();
        var rows = await db.Inbox.AsNoTracking().Where(i => i.Id == a || i.Id == b).OrderBy(i => i.Id).Select(i => i.ChatId).ToListAsync();
        Assert.Equal(["lock-a++", "lock-b++"], rows);
    }

    private static async Task TouchAsync(WriteScope scope, long id, CancellationToken cancellationToken)
    {
        await using var command = scope.Connection.Command(scope.Transaction, """UPDATE "inbox" SET "ChatId" = "ChatId" || '+' WHERE "Id" = @id""");
        await command.With("@id", id).ExecuteNonQueryAsync(cancellationToken);
    }
}
